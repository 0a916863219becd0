-- The requests of one conversation, oldest first. The key is computed as in the request detail:
-- usage_context.conversation_id, else the agent's context.conversation_id, else client_request_id
-- without a trailing turn number, else requester + endpoint + day + first user message.
-- Only md5 of the key leaves SQL (the history key holds message text). Without :thread, the
-- conversation of the newest request in the window. Its requests are read by the one
-- interpretation (payload_steps): the question, the answer, the turns the request carried.
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
  SELECT k.*
  FROM keyed k
  JOIN chosen c ON c.thread_id = md5(k.thread_key)
  ORDER BY k.request_time, k.databricks_request_id
  LIMIT 500
),
{{payload_steps(turns)}}
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
  CASE WHEN k.rq_msgs IS NOT NULL THEN size(k.rq_msgs) END AS history_messages,
  CASE WHEN k.rq_to > 0 THEN get(k.m_role, k.rq_to - 1) END AS last_role,
  left(k.last_user_text, 300) AS last_user_message,
  left({{answer_preview(k)}}, 300) AS answer_preview
FROM (SELECT r.*, {{payload_fields(r)}} FROM read_output r) k
ORDER BY k.request_time, k.databricks_request_id
