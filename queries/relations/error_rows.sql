-- Requests that did not end cleanly — failed (status ≥ 400), or answered while their agent trace
-- has a failed span — with their outcome (outcome) and what the one interpretation read from the
-- response: error code, the true reason (decoded from nested JSON, HTML reduced to text), the
-- provider named, the body's format, the guardrail findings.
SELECT
  {{outcome(p)}} AS category,
  p.status_code,
  p.request_time,
  p.databricks_request_id,
  p.endpoint_name,
  p.response_chars,
  p.error_code,
  p.error_format,
  p.error_reason,
  p.error_provider,
  p.weight
FROM {{requests}} p
WHERE {{filters(p)}}
  AND {{outcome(p)}} <> 'ok'
