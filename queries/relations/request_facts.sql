-- Request facts of logged requests: one row per payload row with what the charts need from its
-- bodies extracted once (outcome, token counts the response reports, body sizes, the usage_context
-- the client sent) and its endpoint_usage row joined in. No request or response text. With the
-- requests endpoint_usage counted that the payload tables never logged (unlogged_requests), the
-- same SELECT builds the facts table (npm run rollups) and runs inline where it does not cover.
SELECT
  p.endpoint_name, p.databricks_request_id, p.client_request_id, p.request_date, p.request_time,
  p.status_code, p.sampling_fraction, p.execution_duration_ms, p.served_entity_id,
  p.logging_error_codes, p.requester,
  -- Usage first: a request endpoint_usage counted is exactly one request (the requests sampling
  -- left out are there as unlogged_requests); one it did not count stands for 1 / sampling_fraction.
  CASE WHEN u.databricks_request_id IS NOT NULL THEN 1.0 ELSE {{weight(p)}} END AS weight,
  {{error_category(p)}} AS error_category,
  CASE WHEN p.status_code = 400 AND p.response LIKE '%guardrail_triggered%' THEN 1 ELSE 0 END AS guardrail_blocked,
  CAST(length(p.request) AS BIGINT) AS request_chars,
  CAST(length(p.response) AS BIGINT) AS response_chars,
  u.databricks_request_id IS NOT NULL AS in_usage,
  u.input_token_count AS usage_in,
  u.output_token_count AS usage_out,
  u.usage_context,
  -- The request body's usage_context, for requests endpoint_usage does not have.
  CASE WHEN u.databricks_request_id IS NULL THEN get_json_object(p.request, '$.usage_context') END AS body_usage_context_json,
  -- Token counts in the response body: the usage block of a plain response or of the last chunk
  -- of a streamed one, when endpoint_usage has none. Regular expressions without backslashes,
  -- which the two engines' string literals read differently; instr first, so most bodies skip them.
  CASE WHEN u.input_token_count IS NULL AND u.output_token_count IS NULL
    THEN CAST(nullif(regexp_extract(p.response, '"(prompt_tokens|input_tokens)":[ ]*([0-9]+)', 2), '') AS BIGINT) END AS resp_in,
  CASE WHEN u.input_token_count IS NULL AND u.output_token_count IS NULL
    THEN CAST(nullif(regexp_extract(p.response, '"(completion_tokens|output_tokens)":[ ]*([0-9]+)', 2), '') AS BIGINT) END AS resp_out,
  CASE WHEN instr(p.response, '"cached_tokens"') > 0
    THEN CAST(nullif(regexp_extract(p.response, '"cached_tokens":[ ]*([0-9]+)', 1), '') AS BIGINT) END AS cached_in,
  CASE WHEN instr(p.response, '"reasoning_tokens"') > 0
    THEN CAST(nullif(regexp_extract(p.response, '"reasoning_tokens":[ ]*([0-9]+)', 1), '') AS BIGINT) END AS reasoning_out,
  -- What the payload tables alone would estimate (every logged row as 1 / sampling_fraction).
  {{weight(p)}} AS sample_weight,
  TRUE AS logged
FROM {{payload}} p
LEFT JOIN {{usage_rows}} u ON u.databricks_request_id = p.databricks_request_id
WHERE {{facts_scope(p)}}
