-- Requests per time bucket and outcome (and how many of them were not logged), from the hourly rollups (hour and day buckets
-- in whole-hour zones only; the error category was read from the response body once).
WITH bucketed AS (
  SELECT
    {{time_bucket(a.hour)}} AS bucket,
    a.error_category AS category,
    a.requests,
    a.sampled_rows,
    a.unlogged_requests
  FROM {{hourly}} a
)
SELECT bucket, category, sum(requests) AS requests, sum(sampled_rows) AS sampled_rows, sum(unlogged_requests) AS unlogged_requests
FROM bucketed
GROUP BY bucket, category
ORDER BY bucket, category
