-- The request facts table up to what it covers (:lens_covers_end), the raw tables after it.
SELECT {{fact_columns}} FROM {{facts_table}} WHERE request_time < CAST(:lens_covers_end AS TIMESTAMP)
UNION ALL
SELECT * FROM {{request_facts}}
UNION ALL
SELECT * FROM {{unlogged_requests}}
