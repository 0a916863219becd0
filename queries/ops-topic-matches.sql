-- The latest logged requests mentioning each keyword, for the request inspector.
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
matched AS (
  SELECT
    coalesce(k.kw, '(all logged requests)') AS keyword,
    p.databricks_request_id,
    p.endpoint_name,
    p.request_time,
    p.status_code,
    p.requester,
    row_number() OVER (PARTITION BY k.kw ORDER BY p.request_time DESC, p.databricks_request_id) AS rn
  FROM {{payload}} p
  JOIN keywords k ON k.kw IS NULL OR instr(lower(p.request), lower(k.kw)) > 0
  WHERE {{filters(p)}}
    AND p.request IS NOT NULL
)
SELECT keyword, databricks_request_id, endpoint_name, request_time, status_code, requester
FROM matched
WHERE rn <= 20
ORDER BY keyword, request_time DESC, databricks_request_id
