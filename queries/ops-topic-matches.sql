-- The latest logged requests whose conversation mentions each keyword (as ops-topic-watch counts
-- them: the text of the user and assistant turns, case-insensitive), for the request inspector.
WITH matched AS (
  SELECT
    coalesce(k.kw, '(all logged requests)') AS keyword,
    t.databricks_request_id,
    t.endpoint_name,
    t.request_time,
    t.status_code,
    t.requester,
    row_number() OVER (PARTITION BY k.kw ORDER BY t.request_time DESC, t.databricks_request_id) AS rn
  FROM {{request_text}} t
  JOIN {{topic_keywords}} k ON k.kw IS NULL OR instr(t.search_key, lower(k.kw)) > 0
  WHERE {{filters(t)}}
)
SELECT keyword, databricks_request_id, endpoint_name, request_time, status_code, requester
FROM matched
WHERE rn <= 20
ORDER BY keyword, request_time DESC, databricks_request_id
