-- Questions that more than one served entity answered: for a few of them, the latest successful
-- answer of each entity. Question and answer are the one interpretation's (payload_steps): a
-- request counts when it ends with its question (whitespace folded, case-folded to match);
-- earlier turns may differ. Only the latest :rows_per_entity successful requests of each entity
-- are read, so the JSON work is bounded whatever the window holds.
WITH recent_ids AS (
  -- Rank on narrow columns only, then fetch the payloads of the chosen rows.
  SELECT databricks_request_id FROM (
    SELECT
      p.databricks_request_id,
      row_number() OVER (PARTITION BY p.endpoint_name, p.served_entity_id ORDER BY p.request_time DESC, p.databricks_request_id) AS recency
    FROM {{payload}} p
    WHERE {{filters(p)}}
      AND p.status_code < 400
      AND p.request IS NOT NULL
      AND p.served_entity_id IS NOT NULL
  ) ranked_recent
  WHERE recency <= :rows_per_entity
),
chosen_rows AS (
  SELECT p.*
  FROM {{payload}} p
  JOIN recent_ids r ON r.databricks_request_id = p.databricks_request_id
  WHERE {{filters(p)}}
),
{{payload_steps(chosen_rows)}},
keyed AS (
  SELECT
    k.endpoint_name, k.served_entity_id, k.databricks_request_id, k.request_time, k.execution_duration_ms,
    greatest(k.rq_to, 1) AS n_messages,
    k.last_user_text AS user_text,
    k.answer_text,
    get(k.tool_names, 0) AS tool_call,
    k.tokens_out AS output_tokens,
    lower(k.last_user_text) AS message_key
  FROM (SELECT r.*, {{payload_fields(r)}} FROM read_output r) k
  WHERE k.asks_question
),
shared AS (
  SELECT endpoint_name, message_key, count(DISTINCT served_entity_id) AS entities, count(*) AS asked_rows
  FROM keyed
  GROUP BY endpoint_name, message_key
  HAVING count(DISTINCT served_entity_id) > 1
),
chosen AS (
  SELECT * FROM (
    SELECT s.*, row_number() OVER (ORDER BY s.entities DESC, s.asked_rows DESC, s.endpoint_name, s.message_key) AS pick
    FROM shared s
  ) ranked
  WHERE pick <= :max_messages
),
answers AS (
  SELECT
    k.*,
    c.entities,
    c.asked_rows,
    c.pick,
    row_number() OVER (PARTITION BY k.endpoint_name, k.message_key, k.served_entity_id ORDER BY k.request_time DESC, k.databricks_request_id) AS rn
  FROM keyed k
  JOIN chosen c ON c.endpoint_name = k.endpoint_name AND c.message_key = k.message_key
)
SELECT
  a.pick,
  a.endpoint_name,
  a.entities,
  a.asked_rows,
  a.served_entity_id,
  se.served_entity_name,
  se.entity_name,
  a.databricks_request_id,
  a.request_time,
  a.execution_duration_ms,
  a.n_messages,
  a.user_text,
  a.answer_text,
  a.tool_call,
  a.output_tokens
FROM answers a
LEFT JOIN {{served_entities_latest}} se ON se.served_entity_id = a.served_entity_id
WHERE a.rn = 1
ORDER BY a.pick, se.served_entity_name, a.served_entity_id
