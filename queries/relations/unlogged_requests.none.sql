-- endpoint_usage is not readable with this identity: only the logged requests are known.
SELECT {{fact_columns_from(x)}}
FROM (SELECT 1 AS one) x
WHERE 1 = 0
