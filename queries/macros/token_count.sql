-- token_count(rt, usage, resp, chars): a request's input or output tokens from the first source
-- that has them: endpoint_usage (rt.usage), the response's usage block (rt.resp), 0 for a failed
-- request, else (rt.chars + 1) / 4 of the logged body, the estimate Databricks itself uses.
CASE
  WHEN @rt.usage_in IS NOT NULL OR @rt.usage_out IS NOT NULL THEN @rt.@usage
  WHEN @rt.resp_in IS NOT NULL OR @rt.resp_out IS NOT NULL THEN coalesce(@rt.@resp, 0)
  WHEN @rt.status_code >= 400 THEN 0
  ELSE CAST(floor((@rt.@chars + 1) / 4) AS BIGINT)
END
