-- Requests per minute over time from the per-minute rollup (lib/rollups): whole hours from the
-- rollup table, the partial hours at the window's edges from the requests. Same rows as the
-- query over requests: estimated requests, logged rows and the busiest minute of each bucket.
WITH per_minute AS (
  SELECT
    {{time_bucket(a.minute)}} AS bucket,
    {{series(a, se)}} AS series,
    a.minute,
    sum(a.requests) AS requests,
    sum(a.sampled_rows) AS sampled_rows
  FROM {{minutely}} a
  LEFT JOIN {{served_entities_latest}} se ON se.served_entity_id = a.served_entity_id
  GROUP BY 1, 2, 3
)
SELECT
  bucket,
  series,
  sum(requests) AS requests,
  sum(sampled_rows) AS sampled_rows,
  max(requests) AS peak_minute_requests
FROM per_minute
GROUP BY bucket, series
ORDER BY bucket, series
