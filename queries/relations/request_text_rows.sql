-- Request text: one row per logged request with the texts the one interpretation reads from its
-- bodies (payload_facts): the question asked (last_user_text; asks_question, whether the request
-- ends with it; question_key, the key top questions group it by when it does), the answer, the
-- searchable text of its user and assistant turns (search_key, lowercased), and what the shared filters and weights need. The same SELECT builds the text table (npm run rollups)
-- and runs inline where the table does not cover a window.
SELECT
  p.endpoint_name, p.databricks_request_id, p.request_date, p.request_time, p.status_code,
  p.served_entity_id, p.requester,
  {{weight(p)}} AS weight,
  p.kind, p.asks_question, p.last_user_text, p.answer_text,
  -- Lowercased once here, so a keyword search compares without lowercasing every row per call.
  lower(p.search_text) AS search_key,
  CASE WHEN p.asks_question THEN {{question_key(p.last_user_text)}} END AS question_key
FROM {{payload_facts}} p
