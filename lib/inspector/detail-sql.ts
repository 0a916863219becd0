import 'server-only';
/**
 * SQL behind the request detail and its payload. Not catalogue queries: they take one request
 * id, and their bodies must pass PII masking (or an audited reveal) before leaving the server.
 * Written in Databricks SQL with the catalogue's placeholders; detail-sql.test.ts parses and runs them.
 */

/**
 * The conversation a request belongs to: usage_context.conversation_id, else the agent request's
 * context.conversation_id, else client_request_id without a trailing turn number (web-ab12-3),
 * else requester + endpoint + day + first user message (clients resend the history each turn).
 */
export const THREAD_KEY_SQL = `coalesce(
    'conversation_id:' || u.usage_context['conversation_id'],
    'context.conversation_id:' || get_json_object(p.request, '$.context.conversation_id'),
    'client_request_id:' || nullif(regexp_extract(p.client_request_id, '^(.+)-[0-9]{1,3}$', 1), ''),
    'history:' || p.endpoint_name || '|' || coalesce(p.requester, '') || '|' || CAST(p.request_date AS STRING) || '|' || left(
      CASE WHEN get_json_object(p.request, '$.messages[0].role') = 'system' THEN get_json_object(p.request, '$.messages[1].content')
        ELSE coalesce(get_json_object(p.request, '$.messages[0].content'), get_json_object(p.request, '$.input[0].content')) END, 500))`;

export const DETAIL_SQL = `-- One logged request: metadata, token counts with their source, and its conversation key.
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
  md5(${THREAD_KEY_SQL}) AS thread_id,
  split_part(${THREAD_KEY_SQL}, ':', 1) AS thread_source
FROM {{payload}} p
LEFT JOIN {{endpoint_usage}} u ON u.databricks_request_id = p.databricks_request_id
LEFT JOIN {{served_entities_latest}} se ON se.served_entity_id = p.served_entity_id
WHERE {{payload_filters}}
  AND p.databricks_request_id = :request_id
LIMIT 1`;

export const PAYLOAD_SQL = `-- The request and response bodies of one logged request, loaded only when the detail asks.
SELECT p.request, p.response, p.status_code, p.logging_error_codes
FROM {{payload}} p
WHERE {{payload_filters}}
  AND p.databricks_request_id = :request_id
LIMIT 1`;

/** Bodies of one page of the filtered list, for the JSONL export; `:ids` is `,id1,id2,…,`. */
export const EXPORT_BODIES_SQL = `SELECT p.databricks_request_id, p.request, p.response, p.status_code
FROM {{payload}} p
WHERE {{payload_filters}}
  AND instr(:ids, ',' || p.databricks_request_id || ',') > 0`;
