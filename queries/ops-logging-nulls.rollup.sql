-- Share of logged rows per time bucket whose request or response body is NULL, from the hourly
-- rollups (hour and day buckets in whole-hour zones only).
WITH bucketed AS (
  SELECT
    {{time_bucket(a.hour)}} AS bucket,
    a.sampled_rows,
    a.null_request_rows,
    a.null_response_rows
  FROM {{hourly}} a
)
SELECT
  bucket,
  sum(sampled_rows) AS sampled_rows,
  sum(null_request_rows) AS null_request_rows,
  sum(null_response_rows) AS null_response_rows
FROM bucketed
GROUP BY bucket
-- Logged rows only: an hour holding only requests endpoint_usage counted has no body to be NULL.
HAVING sum(sampled_rows) > 0
ORDER BY bucket
