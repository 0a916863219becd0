-- The latest request_time per payload table, over the last few days of partitions (not the
-- chosen window: freshness is about now). Inference tables land up to about an hour late.
SELECT
  p.endpoint_name,
  max(p.request_time) AS latest_request_time,
  count(*) AS recent_rows
FROM {{payload}} p
WHERE p.request_date >= CAST(:recent_date AS DATE)
  AND p.request_time >= CAST(:recent_time AS TIMESTAMP)
  AND (:endpoint IS NULL OR p.endpoint_name = :endpoint)
GROUP BY p.endpoint_name
ORDER BY p.endpoint_name
