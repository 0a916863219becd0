-- logging_error_codes per time bucket: rows whose body was not logged and why
-- (MAX_REQUEST_SIZE_EXCEEDED, MAX_RESPONSE_SIZE_EXCEEDED, …). Logged rows, not estimates.
WITH coded AS (
  SELECT
    CASE WHEN :tz = 'UTC' THEN CASE :bucket
      WHEN 'minute' THEN date_trunc('minute', p.request_time)
      WHEN 'hour' THEN date_trunc('hour', p.request_time)
      ELSE date_trunc('day', p.request_time)
    END ELSE to_utc_timestamp(CASE :bucket
      WHEN 'minute' THEN date_trunc('minute', from_utc_timestamp(p.request_time, :tz))
      WHEN 'hour' THEN date_trunc('hour', from_utc_timestamp(p.request_time, :tz))
      ELSE date_trunc('day', from_utc_timestamp(p.request_time, :tz))
    END, :tz) END AS bucket,
    explode(p.logging_error_codes) AS code
  FROM {{payload}} p
  WHERE {{payload_filters}}
    AND size(p.logging_error_codes) > 0
)
SELECT bucket, code, count(*) AS sampled_rows
FROM coded
GROUP BY bucket, code
ORDER BY bucket, code
