-- Requests per minute over time, weighted by 1 / sampling_fraction, split into series.
-- For each bucket: estimated requests, logged rows, and the busiest single minute inside it
-- (an average over an hour hides the bursts that trip rate limits).
WITH filtered AS (
  SELECT
    -- Buckets start at the reporting zone's boundaries (:tz), returned as UTC instants.
    {{time_bucket(p.request_time)}} AS bucket,
    date_trunc('minute', p.request_time) AS minute,
    CASE :split
      WHEN 'endpoint' THEN p.endpoint_name
      WHEN 'served_entity' THEN coalesce(se.served_entity_name, p.served_entity_id, '(none)')
      WHEN 'status' THEN CASE
        WHEN p.status_code < 400 THEN 'ok'
        WHEN p.status_code = 429 THEN '429'
        WHEN p.status_code < 500 THEN '4xx'
        ELSE '5xx'
      END
      ELSE 'all'
    END AS series,
    1.0 / coalesce(nullif(p.sampling_fraction, 0), 1.0) AS weight
  FROM {{requests}} p
  LEFT JOIN {{served_entities_latest}} se ON se.served_entity_id = p.served_entity_id
  WHERE {{payload_filters}}
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
