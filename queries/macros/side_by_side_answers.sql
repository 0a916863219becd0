-- side_by_side_answers(asked): the rest of compare-side-by-side (both variants) over the relation
-- asked (endpoint_name, served_entity_id, question_key, asked_rows, and the latest request of that
-- entity for that question: databricks_request_id, request_time): the questions more than one
-- entity answered, the most shared first, and for each the latest request of each entity; those
-- requests' bodies read by the one interpretation (payload_steps), then one row per question and
-- entity, with its names. The latest answers are mostly recent: the scan starts at the oldest of
-- them, so file and zone-map pruning skip the rest of the window's bodies.
shared AS (
  SELECT endpoint_name, question_key, count(*) AS entities, sum(asked_rows) AS asked_rows
  FROM @asked
  GROUP BY endpoint_name, question_key
  HAVING count(*) > 1
),
chosen AS (
  SELECT * FROM (
    SELECT s.*, row_number() OVER (ORDER BY s.entities DESC, s.asked_rows DESC, s.endpoint_name, s.question_key) AS pick
    FROM shared s
  ) ranked
  WHERE pick <= :max_messages
),
latest AS (
  SELECT c.pick, c.endpoint_name, c.entities, c.asked_rows, a.served_entity_id, a.databricks_request_id, a.request_time
  FROM @asked a
  JOIN chosen c ON c.endpoint_name = a.endpoint_name AND c.question_key = a.question_key
),
chosen_rows AS (
  SELECT p.*
  FROM {{payload}} p
  WHERE {{filters(p)}}
    AND p.request_date >= (SELECT CAST(min(request_time) AS DATE) FROM latest)
    AND p.request_time >= (SELECT min(request_time) FROM latest)
    AND p.databricks_request_id IN (SELECT databricks_request_id FROM latest)
),
{{payload_steps(chosen_rows)}},
read AS (
  SELECT
    k.databricks_request_id, k.request_time, k.execution_duration_ms,
    greatest(k.rq_to, 1) AS n_messages,
    k.last_user_text AS user_text,
    k.answer_text,
    get(k.tool_names, 0) AS tool_call,
    k.tokens_out AS output_tokens
  FROM (SELECT r.*, {{payload_fields(r)}} FROM read_output r) k
)
SELECT
  l.pick,
  l.endpoint_name,
  l.entities,
  l.asked_rows,
  l.served_entity_id,
  se.served_entity_name,
  se.entity_name,
  l.databricks_request_id,
  r.request_time,
  r.execution_duration_ms,
  r.n_messages,
  r.user_text,
  r.answer_text,
  r.tool_call,
  r.output_tokens
FROM latest l
JOIN read r ON r.databricks_request_id = l.databricks_request_id
LEFT JOIN {{served_entities_latest}} se ON se.served_entity_id = l.served_entity_id
ORDER BY l.pick, se.served_entity_name, l.served_entity_id
