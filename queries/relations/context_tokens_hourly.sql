-- gateway_lens_context_tokens_hourly for the window, every usage_context key: the rollup table for
-- the whole hours it covers, the same aggregate computed from the requests of the partial hours
-- at the edges.
SELECT * FROM {{rollup_table(gateway_lens_context_tokens_hourly)}} a WHERE {{hour_filters(a)}}
UNION ALL
SELECT * FROM {{context_tokens_hourly_from_requests}}
