-- Requests per time bucket and outcome: 'ok' or an error category read from the response body
-- (guardrail verdicts and provider errors are JSON inside the `message` string), or 'trace_error'
-- for an answer whose agent trace has a failed span (outcome); read once into the request facts.
-- A request only endpoint_usage counted has its category from its status and is counted apart as
-- not logged.
WITH filtered AS (
  SELECT
    {{time_bucket(p.request_time)}} AS bucket,
    {{outcome(p)}} AS category,
    p.logged,
    p.weight
  FROM {{requests}} p
  WHERE {{filters(p)}}
)
SELECT bucket, category, sum(weight) AS requests, count_if(logged) AS sampled_rows,
  sum(CASE WHEN logged THEN 0 ELSE weight END) AS unlogged_requests
FROM filtered
GROUP BY bucket, category
ORDER BY bucket, category
