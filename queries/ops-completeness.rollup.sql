-- The rows of queries/ops-completeness.sql from the hourly rollup (hour and day buckets in
-- whole-hour zones): per hour and status, the requests endpoint_usage counted one by one
-- (usage_requests) and what the logged rows estimate (payload_requests), summed into buckets.
SELECT
  {{time_bucket(a.hour)}} AS bucket,
  a.status_code,
  CAST(sum(a.usage_requests) AS BIGINT) AS usage_requests,
  sum(a.payload_requests) AS payload_requests
FROM {{hourly}} a
WHERE a.status_code IS NOT NULL
GROUP BY 1, 2
HAVING sum(a.usage_requests) > 0 OR sum(a.payload_requests) > 0
ORDER BY bucket, status_code
