-- The request text table up to what it covers (:lens_covers_end), the raw tables after it.
SELECT {{text_columns}} FROM {{text_table}} WHERE request_time < CAST(:lens_covers_end AS TIMESTAMP)
UNION ALL
SELECT * FROM {{request_text_rows}}
