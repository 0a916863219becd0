-- Requests per minute over time, weighted by 1 / sampling_fraction, split into series. For each
-- bucket: estimated requests, logged rows, and the busiest single minute inside it (an average
-- over an hour hides the bursts that trip rate limits). Read from the per-minute rollup: its
-- table for the whole hours it covers, computed from the requests for the rest.
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
