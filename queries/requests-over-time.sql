-- Requests per minute over time, weighted by 1 / sampling_fraction, split into series.
-- For each bucket: estimated requests, logged rows, and the busiest single minute inside it
-- (an average over an hour hides the bursts that trip rate limits).
WITH filtered AS (
  SELECT
    -- Buckets start at the reporting zone's boundaries (:tz), returned as UTC instants.
    {{time_bucket(p.request_time)}} AS bucket,
    date_trunc('minute', p.request_time) AS minute,
    {{series(p, se)}} AS series,
    {{weight(p)}} AS weight
  FROM {{requests}} p
  LEFT JOIN {{served_entities_latest}} se ON se.served_entity_id = p.served_entity_id
  WHERE {{filters(p)}}
),
per_minute AS (
  SELECT bucket, series, minute, sum(weight) AS requests, count(*) AS sampled_rows
  FROM filtered
  GROUP BY bucket, series, minute
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
