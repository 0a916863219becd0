-- token_count(rt, usage, resp, est): a request's input or output tokens from the first source that
-- has them: endpoint_usage (rt.usage), the counts the response reports (rt.resp: a stream's final
-- usage), 0 for a failed request, else the estimate from the message text a tokenizer reads
-- (rt.est: (characters + 1) / 4, Databricks' own rule).
CASE
  WHEN @rt.usage_in IS NOT NULL OR @rt.usage_out IS NOT NULL THEN @rt.@usage
  WHEN @rt.tokens_in IS NOT NULL OR @rt.tokens_out IS NOT NULL THEN coalesce(@rt.@resp, 0)
  WHEN @rt.status_code >= 400 THEN 0
  ELSE @rt.@est
END
