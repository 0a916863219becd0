-- Share of logged rows per time bucket whose request or response body is NULL. Rejections
-- (401/403/429) legitimately have no model response; oversize bodies are NULL with a code.
WITH filtered AS (
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
    p.request,
    p.response
  FROM {{payload}} p
  WHERE {{payload_filters}}
)
SELECT
  bucket,
  count(*) AS sampled_rows,
  sum(CASE WHEN request IS NULL THEN 1 ELSE 0 END) AS null_request_rows,
  sum(CASE WHEN response IS NULL THEN 1 ELSE 0 END) AS null_response_rows
FROM filtered
GROUP BY bucket
ORDER BY bucket
