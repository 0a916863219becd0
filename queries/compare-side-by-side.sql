-- Questions that more than one served entity answered successfully in the window, grouped by their
-- normalised text as top questions group them (question_key of request_text: the last user message
-- of a request that ends with it, case, end punctuation and whitespace aside): for the most shared,
-- the latest successful answer of each entity. Only the chosen requests' bodies are read again, by
-- the one interpretation (payload_steps), for the question, the answer, the first tool call and
-- the output tokens. The rollup variant (compare-side-by-side.rollup.sql) counts from the questions
-- rollup instead of the request texts.
WITH asked AS (
  -- Per question and served entity: how often it was asked, and its latest request.
  SELECT t.endpoint_name, t.served_entity_id, t.question_key,
    count(*) AS asked_rows,
    max_by(t.databricks_request_id, t.request_time) AS databricks_request_id,
    max(t.request_time) AS request_time
  FROM {{request_text}} t
  WHERE {{filters(t)}}
    AND t.status_code < 400
    AND t.question_key IS NOT NULL
    AND t.served_entity_id IS NOT NULL
  GROUP BY t.endpoint_name, t.served_entity_id, t.question_key
),
{{side_by_side_answers(asked)}}
