-- The slowest requests of the window, for the request inspector.
SELECT
  p.databricks_request_id,
  p.endpoint_name,
  coalesce(se.served_entity_name, p.served_entity_id) AS served_entity,
  p.request_time,
  p.status_code,
  p.execution_duration_ms,
  p.requester,
  coalesce(p.usage_out, p.tokens_out) AS output_tokens
FROM {{requests}} p
LEFT JOIN {{served_entities_latest}} se ON se.served_entity_id = p.served_entity_id
WHERE {{filters(p)}}
  AND p.logged
  AND p.execution_duration_ms IS NOT NULL
ORDER BY p.execution_duration_ms DESC, p.databricks_request_id
LIMIT 25
