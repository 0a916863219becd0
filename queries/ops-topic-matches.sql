-- The latest logged requests mentioning each keyword, for the request inspector.
WITH matched AS (
  SELECT
    coalesce(k.kw, '(all logged requests)') AS keyword,
    p.databricks_request_id,
    p.endpoint_name,
    p.request_time,
    p.status_code,
    p.requester,
    row_number() OVER (PARTITION BY k.kw ORDER BY p.request_time DESC, p.databricks_request_id) AS rn
  FROM {{payload}} p
  JOIN {{topic_keywords}} k ON k.kw IS NULL OR instr(lower(p.request), lower(k.kw)) > 0
  WHERE {{filters(p)}}
    AND p.request IS NOT NULL
)
SELECT keyword, databricks_request_id, endpoint_name, request_time, status_code, requester
FROM matched
WHERE rn <= 20
ORDER BY keyword, request_time DESC, databricks_request_id
