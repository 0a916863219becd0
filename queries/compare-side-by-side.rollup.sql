-- The rows of queries/compare-side-by-side.sql from the questions rollup: each question's
-- successful requests per hour and served entity (and the same computed from the request texts of
-- the edge hours) merged over the window, the latest request of each entity the one of its latest
-- hour; only the chosen requests' bodies are read.
WITH asked AS (
  SELECT q.endpoint_name, q.served_entity_id, q.question_key,
    sum(q.sampled_rows) AS asked_rows,
    max_by(q.latest_request_id, q.last_seen) AS databricks_request_id,
    max(q.last_seen) AS request_time
  FROM {{questions_hourly}} q
  WHERE q.status_code < 400
    AND q.served_entity_id IS NOT NULL
  GROUP BY q.endpoint_name, q.served_entity_id, q.question_key
),
shared AS (
  SELECT endpoint_name, question_key, count(*) AS entities, sum(asked_rows) AS asked_rows
  FROM asked
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
  FROM asked a
  JOIN chosen c ON c.endpoint_name = a.endpoint_name AND c.question_key = a.question_key
),
{{side_by_side_answers(latest)}}
