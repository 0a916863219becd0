-- Request text: one row per logged request with the texts the one interpretation reads from its
-- bodies (payload_facts): the question asked (last_user_text; asks_question, whether the request
-- ends with it; question_key, the key top questions group it by when it does), the answer, the
-- searchable text of its user and assistant turns (search_text as written, for the snippets a
-- keyword search shows; search_key lowercased, for matching), the conversation it
-- belongs to (thread_id: md5 of thread_key, which reads the body and its endpoint_usage row; the
-- key itself holds message text and is not kept), and what the shared filters and weights need.
-- The same SELECT builds the text table (npm run rollups) and runs inline where the table does not
-- cover a window.
SELECT
  p.endpoint_name, p.databricks_request_id, p.request_date, p.request_time, p.status_code,
  p.served_entity_id, p.requester,
  {{weight(p)}} AS weight,
  p.kind, p.asks_question, p.last_user_text, p.answer_text,
  -- Lowercased once here, so a keyword search compares without lowercasing every row per call.
  lower(p.search_text) AS search_key,
  p.search_text,
  CASE WHEN p.asks_question THEN {{question_key(p.last_user_text)}} END AS question_key,
  md5(p.thread_key) AS thread_id,
  split_part(p.thread_key, ':', 1) AS thread_source
FROM (
  -- The key is read once per row (it reads the body several times), then hashed and labelled.
  SELECT f.*, {{thread_key(f, u)}} AS thread_key
  FROM {{payload_facts}} f
  LEFT JOIN {{usage_rows}} u ON u.databricks_request_id = f.databricks_request_id
) p
