-- error_category(p): the outcome of a payload row from its status and response body. Guardrail
-- verdicts and provider errors are JSON inside the message string; NULL, truncated or non-JSON
-- bodies still land in a category.
CASE
  WHEN @p.status_code < 400 THEN 'ok'
  WHEN @p.status_code = 429 OR get_json_object(@p.response, '$.error_code') = 'REQUEST_LIMIT_EXCEEDED' THEN 'rate_limited'
  WHEN get_json_object(get_json_object(@p.response, '$.message'), '$.finishReason') = 'input_guardrail_triggered'
    OR get_json_object(get_json_object(@p.response, '$.message'), '$.input_guardrail[0].flagged') = 'true' THEN 'input_guardrail'
  WHEN get_json_object(get_json_object(@p.response, '$.message'), '$.finishReason') = 'output_guardrail_triggered'
    OR get_json_object(get_json_object(@p.response, '$.message'), '$.output_guardrail[0].flagged') = 'true' THEN 'output_guardrail'
  WHEN get_json_object(get_json_object(@p.response, '$.message'), '$.external_model_provider') IS NOT NULL THEN 'provider_error'
  WHEN @p.status_code >= 500 THEN 'server_5xx'
  ELSE 'client_4xx'
END
