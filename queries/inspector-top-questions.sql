-- The most frequent last user messages in the window (lowercased and trimmed), with counts and an
-- example request: candidates for FAQ templates or the system prompt. Messages only (chat,
-- ChatAgent, ResponsesAgent); embedding inputs are not questions.
WITH base AS (
  SELECT
    p.endpoint_name, p.databricks_request_id, p.request_time, p.requester,
    {{weight(p)}} AS weight,
    coalesce(get_json_object(p.request, '$.messages'), get_json_object(p.request, '$.input')) AS history
  FROM {{payload}} p
  WHERE {{filters(p)}}
    AND p.request IS NOT NULL
),
counted AS (
  SELECT b.*, json_array_length(b.history) AS n_hist FROM base b
),
-- Only turns that end with the user's message count: a later turn carrying a tool result or
-- the same history again would count one question twice.
picked AS (
  SELECT c.*, {{last_user_index(c)}} AS user_idx
  FROM counted c
),
questions AS (
  SELECT k.*,
    left({{message_text(k, k.user_idx)}}, 1000) AS question
  FROM picked k
  WHERE k.user_idx = k.n_hist - 1
)
SELECT
  lower(trim(question)) AS question_key,
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
WHERE question IS NOT NULL
GROUP BY lower(trim(question))
HAVING count(*) >= :min_count
ORDER BY requests DESC, question_key
LIMIT :top_n
