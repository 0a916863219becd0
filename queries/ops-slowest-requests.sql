-- The slowest requests of the window, for the request inspector: the 25 chosen first, then named
-- (joining every row of the window to served_entities before the limit cost most of the statement).
SELECT
  p.databricks_request_id,
  p.endpoint_name,
  coalesce(se.served_entity_name, p.served_entity_id) AS served_entity,
  p.request_time,
  p.status_code,
  p.execution_duration_ms,
  p.requester,
  p.output_tokens
FROM (
  SELECT r.databricks_request_id, r.endpoint_name, r.served_entity_id, r.request_time, r.status_code, r.execution_duration_ms, r.requester,
    coalesce(r.usage_out, r.tokens_out) AS output_tokens
  FROM {{requests}} r
  WHERE {{filters(r)}}
    AND r.logged
    AND r.execution_duration_ms IS NOT NULL
  ORDER BY r.execution_duration_ms DESC, r.databricks_request_id
  LIMIT 25
) p
LEFT JOIN {{served_entities_latest}} se ON se.served_entity_id = p.served_entity_id
ORDER BY p.execution_duration_ms DESC, p.databricks_request_id
