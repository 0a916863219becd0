-- The requests of one conversation, oldest first. The key is computed as in the request detail:
-- usage_context.conversation_id, else the agent's context.conversation_id, else client_request_id
-- without a trailing turn number, else requester + endpoint + day + first user message.
-- Only md5 of the key leaves SQL (the history key holds message text). Without :thread, the
-- conversation of the newest request in the window.
WITH keyed AS (
  SELECT
    p.endpoint_name, p.databricks_request_id, p.request_time, p.status_code, p.execution_duration_ms,
    p.served_entity_id, p.requester, p.request, p.response,
    {{thread_key(p, u)}} AS thread_key
  FROM {{payload}} p
  LEFT JOIN {{usage_rows}} u ON u.databricks_request_id = p.databricks_request_id
  WHERE {{filters(p)}}
),
chosen AS (
  SELECT coalesce(:thread, (SELECT md5(max_by(thread_key, request_time)) FROM keyed WHERE thread_key IS NOT NULL)) AS thread_id
),
turns AS (
  SELECT k.*,
    coalesce(get_json_object(k.request, '$.messages'), get_json_object(k.request, '$.input')) AS history,
    json_array_length(get_json_object(k.response, '$.output')) AS n_output
  FROM keyed k
  JOIN chosen c ON c.thread_id = md5(k.thread_key)
  ORDER BY k.request_time, k.databricks_request_id
  LIMIT 500
),
counted AS (
  SELECT t.*, json_array_length(t.history) AS n_hist FROM turns t
),
picked AS (
  SELECT c.*,
    {{last_user_index(c)}} AS user_idx,
    CASE WHEN c.n_hist >= 1 THEN get_json_object(c.history, '$[' || CAST(c.n_hist - 1 AS STRING) || '].role') END AS last_role
  FROM counted c
)
SELECT
  md5(k.thread_key) AS thread_id,
  split_part(k.thread_key, ':', 1) AS thread_source,
  k.endpoint_name,
  k.databricks_request_id,
  k.request_time,
  k.status_code,
  k.execution_duration_ms,
  k.served_entity_id,
  k.requester,
  k.n_hist AS history_messages,
  k.last_role,
  left({{message_text(k, k.user_idx)}}, 300) AS last_user_message,
  left(coalesce(
    nullif(get_json_object(k.response, '$.choices[0].message.content'), ''),
    '→ ' || get_json_object(k.response, '$.choices[0].message.tool_calls[0].function.name') || '(…)',
    CASE WHEN k.n_output >= 1 THEN get_json_object(k.response, '$.output[' || CAST(k.n_output - 1 AS STRING) || '].content[0].text') END,
    get_json_object(k.response, '$.error_code'),
    k.response
  ), 300) AS answer_preview
FROM picked k
ORDER BY k.request_time, k.databricks_request_id
