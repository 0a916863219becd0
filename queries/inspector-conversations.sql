-- Conversations in the window, by the thread rule of the request detail (thread_key: the
-- conversation id, else the agent's, else client_request_id without its turn number, else
-- requester + endpoint + day + first user message; request_text keeps its md5 as thread_id):
-- turns, first and last time, tokens (as the list counts them) and cost (as finance prices it;
-- NULL when no turn is priced). Only md5 of the key leaves SQL (the history key holds message
-- text). Most recent, most tokens or dearest first.
WITH keyed AS (
  SELECT t.endpoint_name, t.databricks_request_id, t.request_time, t.requester, t.thread_id, t.thread_source
  FROM {{request_text}} t
  WHERE {{filters(t)}}
    AND t.thread_id IS NOT NULL
),
priced AS (
  SELECT pr.databricks_request_id, pr.input_tokens, pr.output_tokens, CAST(pr.cost AS DOUBLE) AS cost
  FROM {{priced_requests}} pr
  WHERE {{filters(pr)}}
),
conversations AS (
  SELECT
    k.thread_id,
    min(k.thread_source) AS thread_source,
    count(*) AS turns,
    min(k.request_time) AS first_seen,
    max(k.request_time) AS last_seen,
    count(DISTINCT k.endpoint_name) AS endpoints,
    max_by(k.requester, k.request_time) AS requester,
    sum(coalesce(t.input_tokens, 0) + coalesce(t.output_tokens, 0)) AS tokens,
    sum(t.cost) AS cost,
    count(t.cost) AS priced_turns,
    max_by(k.databricks_request_id, k.request_time) AS latest_request_id,
    max_by(k.endpoint_name, k.request_time) AS latest_endpoint
  FROM keyed k
  LEFT JOIN priced t ON t.databricks_request_id = k.databricks_request_id
  GROUP BY k.thread_id
)
SELECT *
FROM conversations
WHERE turns >= :min_turns
ORDER BY
  CASE WHEN :sort = 'tokens' THEN tokens END DESC,
  CASE WHEN :sort = 'cost' THEN coalesce(cost, -1.0) END DESC,
  last_seen DESC,
  thread_id
LIMIT :top_n
