-- Questions that more than one served entity answered successfully in the window, grouped by their
-- normalised text as top questions group them (question_key of request_text: the last user message
-- of a request that ends with it, case, end punctuation and whitespace aside): for the most shared,
-- the latest successful answer of each entity. Only the chosen requests' bodies are read again, by
-- the one interpretation (payload_steps), for the question, the answer, the first tool call and
-- the output tokens. The rollup variant (compare-side-by-side.rollup.sql) counts from the questions
-- rollup instead of the request texts.
WITH asked AS (
  SELECT t.endpoint_name, t.served_entity_id, t.question_key, t.databricks_request_id, t.request_time
  FROM {{request_text}} t
  WHERE {{filters(t)}}
    AND t.status_code < 400
    AND t.question_key IS NOT NULL
    AND t.served_entity_id IS NOT NULL
),
shared AS (
  SELECT endpoint_name, question_key, count(DISTINCT served_entity_id) AS entities, count(*) AS asked_rows
  FROM asked
  GROUP BY endpoint_name, question_key
  HAVING count(DISTINCT served_entity_id) > 1
),
chosen AS (
  SELECT * FROM (
    SELECT s.*, row_number() OVER (ORDER BY s.entities DESC, s.asked_rows DESC, s.endpoint_name, s.question_key) AS pick
    FROM shared s
  ) ranked
  WHERE pick <= :max_messages
),
latest AS (
  SELECT c.pick, c.endpoint_name, c.entities, c.asked_rows, a.served_entity_id,
    max_by(a.databricks_request_id, a.request_time) AS databricks_request_id,
    max(a.request_time) AS request_time
  FROM asked a
  JOIN chosen c ON c.endpoint_name = a.endpoint_name AND c.question_key = a.question_key
  GROUP BY c.pick, c.endpoint_name, c.entities, c.asked_rows, a.served_entity_id
),
{{side_by_side_answers(latest)}}
