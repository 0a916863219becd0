-- One logged request: metadata, token counts with their source, and its conversation key. Not a
-- catalogue query: it takes one request id (lib/inspector/server.ts).
SELECT
  p.endpoint_name,
  p.databricks_request_id,
  p.client_request_id,
  p.request_time,
  p.status_code,
  p.sampling_fraction,
  p.execution_duration_ms,
  p.served_entity_id,
  se.served_entity_name,
  se.entity_name,
  se.entity_version,
  se.entity_type,
  se.task,
  p.requester,
  p.logging_error_codes,
  length(p.request) AS request_chars,
  length(p.response) AS response_chars,
  u.input_token_count AS usage_input_tokens,
  u.output_token_count AS usage_output_tokens,
  u.request_streaming,
  u.usage_context,
  md5({{thread_key(p, u)}}) AS thread_id,
  split_part({{thread_key(p, u)}}, ':', 1) AS thread_source
FROM {{payload}} p
LEFT JOIN {{usage_rows}} u ON u.databricks_request_id = p.databricks_request_id
LEFT JOIN {{served_entities_latest}} se ON se.served_entity_id = p.served_entity_id
WHERE {{filters(p)}}
  AND p.databricks_request_id = :request_id
LIMIT 1
