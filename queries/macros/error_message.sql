-- error_message(e): the message of a request that did not end cleanly (its outcome not ok): the true
-- reason the one interpretation reads (a provider's own message, decoded from nested JSON; an
-- HTML page's text; a guardrail's findings; a non-JSON body itself), folded by message_pattern.
CASE
  WHEN @e.category = 'trace_error' THEN 'A span of the agent trace failed (the request was answered)'
  WHEN @e.response_chars IS NULL THEN '(no response body logged)'
  WHEN @e.category = 'provider_error' THEN concat(coalesce(@e.error_provider, 'provider'), ': ', coalesce(@e.error_reason, @e.error_code, 'no message'))
  ELSE coalesce(@e.error_reason, @e.error_code, concat('HTTP ', CAST(@e.status_code AS STRING)))
END
