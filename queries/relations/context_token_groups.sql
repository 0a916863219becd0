-- Hourly token groups of the :context_key usage_context key: the rollup table for the whole
-- hours, the edges computed from the requests.
SELECT * FROM {{rollup_table(gateway_lens_context_tokens_hourly)}} a WHERE a.context_key = :context_key AND {{hour_filters(a)}}
UNION ALL
SELECT * FROM {{context_tokens_hourly_from_requests}} e WHERE e.context_key = :context_key
