-- logging_error_codes per time bucket: rows whose body was not logged and why
-- (MAX_REQUEST_SIZE_EXCEEDED, MAX_RESPONSE_SIZE_EXCEEDED, …). Logged rows, not estimates.
WITH coded AS (
  SELECT
    {{time_bucket(p.request_time)}} AS bucket,
    explode(p.logging_error_codes) AS code
  FROM {{requests}} p
  WHERE {{filters(p)}}
    AND p.logged
    AND size(p.logging_error_codes) > 0
)
SELECT bucket, code, count(*) AS sampled_rows
FROM coded
GROUP BY bucket, code
ORDER BY bucket, code
