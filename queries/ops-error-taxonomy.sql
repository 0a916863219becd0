-- Requests that did not end cleanly by category, detail and status code, as the one
-- interpretation reads their response bodies: guardrails (what the verdict found: personal data,
-- invalid keywords, the safety categories that are true), rate limits, external providers
-- (which), server 5xx and other 4xx (their error code), answers whose agent trace has a failed
-- span. NULL, truncated, non-JSON or HTML bodies still land in a category.
WITH detailed AS (
  SELECT
    category,
    status_code,
    request_time,
    weight,
    CASE
      WHEN category IN ('input_guardrail', 'output_guardrail') THEN coalesce(regexp_replace(error_reason, '^(Input|Output) guardrail: ', ''), 'triggered')
      WHEN category = 'provider_error' THEN concat('provider: ', coalesce(error_provider, 'unknown'))
      WHEN category = 'trace_error' THEN 'failed span in the agent trace'
      WHEN response_chars IS NULL THEN 'no response body logged'
      WHEN error_format = 'html' THEN 'HTML error page'
      WHEN error_format = 'text' THEN 'response is not JSON'
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
