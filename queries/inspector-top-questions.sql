-- The most frequent questions in the window, as the one interpretation reads them (request_text:
-- the last user message of chat, ChatAgent and Responses requests, a string input, a prompt, a
-- custom model's question column; whitespace folded), grouped case-insensitively, with counts and
-- an example request: candidates for FAQ templates or the system prompt. Only requests that end
-- with their question count (a later turn carrying a tool result asks nothing new); embedding
-- inputs are not questions.
WITH questions AS (
  SELECT t.endpoint_name, t.databricks_request_id, t.request_time, t.requester, t.weight, t.last_user_text AS question
  FROM {{request_text}} t
  WHERE {{filters(t)}}
    AND t.asks_question
)
SELECT
  lower(question) AS question_key,
  min(question) AS example,
  sum(weight) AS requests,
  count(*) AS sampled_rows,
  count(DISTINCT requester) AS requesters,
  count(DISTINCT endpoint_name) AS endpoints,
  min(request_time) AS first_seen,
  max(request_time) AS last_seen,
  max_by(databricks_request_id, request_time) AS latest_request_id,
  max_by(endpoint_name, request_time) AS latest_endpoint
FROM questions
GROUP BY lower(question)
HAVING count(*) >= :min_count
ORDER BY requests DESC, question_key
LIMIT :top_n
