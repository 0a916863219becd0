-- Errors by category, detail and status code, read from the response bodies:
-- guardrails (which check fired), rate limits, external provider errors (which provider),
-- server 5xx and other 4xx. Bodies may be NULL, truncated or not JSON; get_json_object then
-- returns NULL and the row still lands in a category.
WITH detailed AS (
  SELECT
    category,
    status_code,
    request_time,
    weight,
    CASE
      WHEN category IN ('input_guardrail', 'output_guardrail') THEN
        CASE
          WHEN get_json_object(get_json_object(message, CASE category WHEN 'input_guardrail' THEN '$.input_guardrail[0]' ELSE '$.output_guardrail[0]' END), '$.pii_detection') = 'true' THEN 'PII'
          WHEN get_json_object(get_json_object(message, CASE category WHEN 'input_guardrail' THEN '$.input_guardrail[0]' ELSE '$.output_guardrail[0]' END), '$.invalid_keywords') = 'true' THEN 'invalid keywords'
          WHEN get_json_object(get_json_object(message, CASE category WHEN 'input_guardrail' THEN '$.input_guardrail[0]' ELSE '$.output_guardrail[0]' END), '$.categories') IS NOT NULL
            THEN concat('safety: ', coalesce(nullif(regexp_extract(get_json_object(get_json_object(message, CASE category WHEN 'input_guardrail' THEN '$.input_guardrail[0]' ELSE '$.output_guardrail[0]' END), '$.categories'), '"([^"]+)"', 1), ''), 'unspecified'))
          ELSE 'unspecified'
        END
      WHEN category = 'provider_error' THEN concat('provider: ', coalesce(get_json_object(message, '$.external_model_provider'), 'unknown'))
      WHEN response IS NULL THEN 'no response body logged'
      WHEN get_json_object(response, '$') IS NULL THEN 'response is not JSON'
      ELSE coalesce(error_code, 'no error_code')
    END AS detail
  FROM {{error_rows}}
)
SELECT
  category,
  detail,
  status_code,
  sum(weight) AS requests,
  count(*) AS sampled_rows,
  min(request_time) AS first_seen,
  max(request_time) AS last_seen
FROM detailed
GROUP BY category, detail, status_code
ORDER BY requests DESC, category, detail, status_code
