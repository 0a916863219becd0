-- gateway_lens_threads_hourly for the window: the rollup table for the whole hours it covers, the
-- same aggregate computed from the request texts of the partial hours at the edges.
SELECT * FROM {{rollup_table(gateway_lens_threads_hourly)}} a WHERE {{hour_filters(a)}}
UNION ALL
SELECT * FROM {{threads_hourly_from_text}}
