-- Topic watch: per time bucket, estimated requests whose request body mentions each keyword
-- (case-insensitive substring of the raw JSON). Keywords are bound values, never SQL text.
WITH keywords AS (
  SELECT kw FROM (
    SELECT 1 AS i, CAST(:kw1 AS STRING) AS kw
    UNION ALL SELECT 2, CAST(:kw2 AS STRING)
    UNION ALL SELECT 3, CAST(:kw3 AS STRING)
    UNION ALL SELECT 4, CAST(:kw4 AS STRING)
    UNION ALL SELECT 5, CAST(:kw5 AS STRING)
  ) k
  -- With no keyword at all, one NULL row stands for every logged request (a baseline).
  WHERE kw IS NOT NULL OR (i = 1 AND :kw1 IS NULL)
),
filtered AS (
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
    lower(p.request) AS body,
    1.0 / coalesce(nullif(p.sampling_fraction, 0), 1.0) AS weight
  FROM {{payload}} p
  WHERE {{payload_filters}}
    AND p.request IS NOT NULL
)
SELECT
  f.bucket,
  coalesce(k.kw, '(all logged requests)') AS keyword,
  sum(f.weight) AS requests,
  count(*) AS sampled_rows
FROM filtered f
JOIN keywords k ON k.kw IS NULL OR instr(f.body, lower(k.kw)) > 0
GROUP BY f.bucket, coalesce(k.kw, '(all logged requests)')
ORDER BY f.bucket, keyword
