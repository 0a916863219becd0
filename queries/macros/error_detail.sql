-- error_detail(e): what a request that did not end cleanly (its outcome not ok) is filed under within its
-- outcome in the error taxonomy: the guardrail findings, the provider, a failed trace span, a
-- missing, HTML or non-JSON body, else its error code.
CASE
  WHEN @e.category IN ('input_guardrail', 'output_guardrail') THEN coalesce(regexp_replace(@e.error_reason, '^(Input|Output) guardrail: ', ''), 'triggered')
  WHEN @e.category = 'provider_error' THEN concat('provider: ', coalesce(@e.error_provider, 'unknown'))
  WHEN @e.category = 'trace_error' THEN 'failed span in the agent trace'
  WHEN @e.response_chars IS NULL THEN 'no response body logged'
  WHEN @e.error_format = 'html' THEN 'HTML error page'
  WHEN @e.error_format = 'text' THEN 'response is not JSON'
  ELSE coalesce(@e.error_code, 'no error_code')
END
