-- The latest request_time in endpoint_usage within the last few days.
SELECT
  max(u.request_time) AS latest_request_time,
  count(*) AS recent_rows
FROM {{endpoint_usage}} u
WHERE u.request_time >= CAST(:recent_time AS TIMESTAMP)
