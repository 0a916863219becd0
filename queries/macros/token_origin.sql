-- token_origin(rt): where a request's token counts come from (token_count): endpoint_usage
-- (usage_table), the counts the response reports (response: a stream's final usage), an estimate
-- from message text, or 0 for a failed request (estimate); unknown when nothing can be counted.
CASE
  WHEN @rt.usage_in IS NOT NULL OR @rt.usage_out IS NOT NULL THEN 'usage_table'
  WHEN @rt.tokens_in IS NOT NULL OR @rt.tokens_out IS NOT NULL THEN 'response'
  WHEN @rt.status_code >= 400 OR @rt.est_tokens_in IS NOT NULL OR @rt.est_tokens_out IS NOT NULL THEN 'estimate'
  ELSE 'unknown'
END
