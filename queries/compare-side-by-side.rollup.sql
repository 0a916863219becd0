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
{{side_by_side_answers(asked)}}
