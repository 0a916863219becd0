-- gateway_lens_minutely for the window: the rollup table for the whole hours it covers, the same
-- aggregate computed from the requests of the partial hours at the edges.
SELECT * FROM {{rollup_table(gateway_lens_minutely)}} a WHERE {{hour_filters(a, no_requester)}}
UNION ALL
SELECT * FROM {{minutely_from_requests}}
