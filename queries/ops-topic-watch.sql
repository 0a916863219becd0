-- Topic watch: per time bucket, estimated requests whose request body mentions each keyword
-- (case-insensitive substring of the raw JSON). Keywords are bound values, never SQL text.
WITH filtered AS (
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
JOIN {{topic_keywords}} k ON k.kw IS NULL OR instr(f.body, lower(k.kw)) > 0
GROUP BY f.bucket, coalesce(k.kw, '(all logged requests)')
ORDER BY f.bucket, keyword
