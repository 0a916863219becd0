-- The requests of one conversation, oldest first. The key is computed as in the request detail:
-- usage_context.conversation_id, else the agent's context.conversation_id, else client_request_id
-- without a trailing turn number, else requester + endpoint + day + first user message
-- (request_text keeps its md5 as thread_id). Only md5 of the key leaves SQL (the history key holds
-- message text). Without :thread, the conversation of the newest request in the window. Only its
-- requests' bodies are read (from its first turn on, so pruning skips the rest of the window), by
-- the one interpretation (payload_steps): the question, the answer, the turns the request carried.
WITH keyed AS (
  SELECT t.databricks_request_id, t.request_time, t.thread_id, t.thread_source
  FROM {{request_text}} t
  WHERE {{filters(t)}}
    AND t.thread_id IS NOT NULL
),
chosen AS (
  SELECT coalesce(:thread, (SELECT max_by(thread_id, request_time) FROM keyed)) AS thread_id
),
turn_ids AS (
  SELECT k.*
  FROM keyed k
  JOIN chosen c ON c.thread_id = k.thread_id
  ORDER BY k.request_time, k.databricks_request_id
  LIMIT 500
),
turns AS (
  SELECT p.*, i.thread_id, i.thread_source
  FROM {{payload}} p
  JOIN turn_ids i ON i.databricks_request_id = p.databricks_request_id
  WHERE {{filters(p)}}
    AND p.request_date >= (SELECT CAST(min(request_time) AS DATE) FROM turn_ids)
    AND p.request_time >= (SELECT min(request_time) FROM turn_ids)
),
{{payload_steps(turns)}}
SELECT
  k.thread_id,
  k.thread_source,
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
