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
    {{time_bucket(p.request_time)}} AS bucket,
    lower(p.request) AS body,
    {{weight(p)}} AS weight
  FROM {{payload}} p
  WHERE {{filters(p)}}
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
