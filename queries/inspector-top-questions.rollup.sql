-- The rows of queries/inspector-top-questions.sql from the questions rollup: each question's
-- counts per hour merged over the whole hours (and the same computed from the request texts of the
-- edge hours, and of the hour :mid_time splits, labelled by their side), then the distinct
-- requesters of the top questions alone from the request texts, by their stored key.
WITH counted AS (
  SELECT
    q.question_key,
    max_by(q.example, q.last_seen) AS example,
    sum(q.requests) AS requests,
    sum(q.sampled_rows) AS sampled_rows,
    count(DISTINCT q.endpoint_name) AS endpoints,
    min(q.first_seen) AS first_seen,
    max(q.last_seen) AS last_seen,
    sum(CASE WHEN q.hour < CAST(:mid_time AS TIMESTAMP) THEN q.requests ELSE 0 END) AS earlier,
    sum(CASE WHEN q.hour >= CAST(:mid_time AS TIMESTAMP) THEN q.requests ELSE 0 END) AS later,
    max_by(q.latest_request_id, q.last_seen) AS latest_request_id,
    max_by(q.endpoint_name, q.last_seen) AS latest_endpoint
  FROM {{questions_hourly}} q
  GROUP BY q.question_key
  HAVING sum(q.sampled_rows) >= :min_count
  ORDER BY requests DESC, q.question_key
  LIMIT :top_n
),
askers AS (
  SELECT t.question_key, count(DISTINCT t.requester) AS requesters
  FROM {{request_text}} t
  WHERE {{filters(t)}}
    AND t.question_key IN (SELECT question_key FROM counted)
  GROUP BY t.question_key
)
SELECT
  c.question_key, c.example, c.requests, c.sampled_rows, coalesce(a.requesters, 0) AS requesters,
  c.endpoints, c.first_seen, c.last_seen, c.earlier, c.later, c.latest_request_id, c.latest_endpoint
FROM counted c
LEFT JOIN askers a ON a.question_key = c.question_key
ORDER BY c.requests DESC, c.question_key
