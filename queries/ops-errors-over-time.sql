-- Estimated requests per time bucket and outcome: 'ok' or an error category read from the
-- response body (guardrail verdicts and provider errors are JSON inside the `message` string),
-- read once into the request facts.
WITH filtered AS (
  SELECT
    {{time_bucket(p.request_time)}} AS bucket,
    p.error_category AS category,
    1.0 / coalesce(nullif(p.sampling_fraction, 0), 1.0) AS weight
  FROM {{requests}} p
  WHERE {{payload_filters}}
)
SELECT bucket, category, sum(weight) AS requests, count(*) AS sampled_rows
FROM filtered
GROUP BY bucket, category
ORDER BY bucket, category
