-- gateway_lens_latency_hourly for the window: the rollup table for the whole hours it covers, the same
-- aggregate computed from the requests of the partial hours at the edges.
SELECT * FROM {{rollup_table(gateway_lens_latency_hourly)}} a WHERE {{hour_filters(a, no_requester)}}
UNION ALL
SELECT * FROM {{latency_hourly_from_requests}}
