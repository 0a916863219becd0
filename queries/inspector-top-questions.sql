-- The most frequent questions in the window, as the one interpretation reads them (request_text:
-- the last user message of chat, ChatAgent and Responses requests, a string input, a prompt, a
-- custom model's question column; whitespace folded), grouped by their normalised text
-- (question_key, kept with the text: case, end punctuation and whitespace aside), with counts, an
-- example request and the counts of the first and the second half of the window (:mid_time) for a
-- trend: candidates for FAQ templates or the system prompt. Only requests that end with their
-- question count (a later turn carrying a tool result asks nothing new); embedding inputs are not
-- questions. The rollup variant (inspector-top-questions.rollup.sql) reads the same counts per hour.
WITH questions AS (
  SELECT t.endpoint_name, t.databricks_request_id, t.request_time, t.requester, t.weight,
    t.last_user_text AS question, t.question_key
  FROM {{request_text}} t
  WHERE {{filters(t)}}
    AND t.question_key IS NOT NULL
)
SELECT
  question_key,
  -- The form asked most recently stands for the group.
  max_by(question, request_time) AS example,
  sum(weight) AS requests,
  count(*) AS sampled_rows,
  count(DISTINCT requester) AS requesters,
  count(DISTINCT endpoint_name) AS endpoints,
  min(request_time) AS first_seen,
  max(request_time) AS last_seen,
  sum(CASE WHEN request_time < CAST(:mid_time AS TIMESTAMP) THEN weight ELSE 0 END) AS earlier,
  sum(CASE WHEN request_time >= CAST(:mid_time AS TIMESTAMP) THEN weight ELSE 0 END) AS later,
  max_by(databricks_request_id, request_time) AS latest_request_id,
  max_by(endpoint_name, request_time) AS latest_endpoint
FROM questions
GROUP BY question_key
HAVING count(*) >= :min_count
ORDER BY requests DESC, question_key
LIMIT :top_n
