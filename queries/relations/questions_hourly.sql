-- gateway_lens_questions_hourly for the window: the rollup table for the whole hours it covers,
-- the same aggregate computed from the request texts of the partial hours at the edges.
SELECT * FROM {{rollup_table(gateway_lens_questions_hourly)}} a WHERE {{hour_filters(a, no_requester)}}
UNION ALL
SELECT * FROM {{questions_hourly_from_text}}
