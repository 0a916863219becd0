-- gateway_lens_error_messages_hourly for the window: the rollup table for the whole hours it
-- covers, the same aggregate computed from the requests of the partial hours at the edges.
SELECT * FROM {{rollup_table(gateway_lens_error_messages_hourly)}} a WHERE {{hour_filters(a)}}
UNION ALL
SELECT * FROM {{error_messages_hourly_from_requests}}
