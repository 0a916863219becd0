-- The most frequent error messages, with ids, hex runs and numbers folded so one cause is one
-- line. The text is the true reason the one interpretation reads (a provider's own message,
-- decoded from nested JSON; an HTML page's text; a guardrail's findings; a non-JSON body itself).
-- Two example request ids per message for the inspector.
WITH texts AS (
  SELECT
    category,
    status_code,
    request_time,
    databricks_request_id,
    endpoint_name,
    weight,
    CASE
      WHEN category = 'trace_error' THEN 'A span of the agent trace failed (the request was answered)'
      WHEN response_chars IS NULL THEN '(no response body logged)'
      WHEN category = 'provider_error' THEN concat(coalesce(error_provider, 'provider'), ': ', coalesce(error_reason, error_code, 'no message'))
      ELSE coalesce(error_reason, error_code, concat('HTTP ', CAST(status_code AS STRING)))
    END AS text
  FROM {{error_rows}}
),
normalised AS (
  SELECT
    *,
    substr(regexp_replace(regexp_replace(regexp_replace(text,
      '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}', '<id>'),
      '[0-9a-fA-F]{12,}', '<id>'),
      '[0-9]+([.][0-9]+)?', '<n>'), 1, 300) AS message_pattern
  FROM texts
)
SELECT
  message_pattern,
  category,
  sum(weight) AS requests,
  count(*) AS sampled_rows,
  min(request_time) AS first_seen,
  max(request_time) AS last_seen,
  min(databricks_request_id) AS example_request_id,
  max(databricks_request_id) AS other_example_request_id,
  min_by(endpoint_name, databricks_request_id) AS example_endpoint,
  max_by(endpoint_name, databricks_request_id) AS other_example_endpoint
FROM normalised
GROUP BY message_pattern, category
ORDER BY requests DESC, message_pattern
LIMIT 50
