-- The most frequent error messages, with ids, hex runs and numbers folded so one cause is one
-- line. The text is the provider's own message when there is one, the body itself when it is
-- not JSON. Two example request ids per message for the inspector.
WITH texts AS (
  SELECT
    category,
    status_code,
    request_time,
    databricks_request_id,
    endpoint_name,
    weight,
    CASE
      WHEN response IS NULL THEN '(no response body logged)'
      WHEN get_json_object(response, '$') IS NULL THEN substr(response, 1, 300)
      WHEN category = 'input_guardrail' THEN 'Input guardrail triggered'
      WHEN category = 'output_guardrail' THEN 'Output guardrail triggered'
      WHEN category = 'provider_error' THEN concat(coalesce(get_json_object(message, '$.external_model_provider'), 'provider'), ': ',
        coalesce(get_json_object(message, '$.external_model_error.error.message'), get_json_object(message, '$.external_model_error.message'), message))
      ELSE coalesce(message, error_code, concat('HTTP ', CAST(status_code AS STRING)))
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
