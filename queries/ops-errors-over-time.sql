-- Estimated requests per time bucket and outcome: 'ok' or an error category read from the
-- response body (guardrail verdicts and provider errors are JSON inside the `message` string),
-- read once into the request facts.
WITH filtered AS (
  SELECT
    {{time_bucket(p.request_time)}} AS bucket,
    p.error_category AS category,
    {{weight(p)}} AS weight
  FROM {{requests}} p
  WHERE {{filters(p)}}
)
SELECT bucket, category, sum(weight) AS requests, count(*) AS sampled_rows
FROM filtered
GROUP BY bucket, category
ORDER BY bucket, category
