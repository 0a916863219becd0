-- The token histogram (gateway_lens_token_bins_hourly) of the window, every request once
-- (context_key NULL) and, when the finance dimension is a usage_context key, again under that key:
-- the rollup table for the whole hours it covers, the same computed from the requests of the
-- partial hours at the edges.
SELECT * FROM {{rollup_table(gateway_lens_token_bins_hourly)}} a
WHERE (a.context_key IS NULL OR (:dimension = 'context' AND a.context_key = :context_key)) AND {{hour_filters(a)}}
UNION ALL
SELECT * FROM {{token_bins_hourly_from_requests}} e
WHERE e.context_key IS NULL OR (:dimension = 'context' AND e.context_key = :context_key)
