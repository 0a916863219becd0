-- Request facts of logged requests: one row per payload row with what the charts need from its
-- bodies, read once by the one interpretation (payload_facts: outcome and true error reason,
-- guardrail findings, tools, the token counts the response reports and where they came from,
-- estimates from message text, trace failure), its sizes, the usage_context the client sent and
-- its endpoint_usage row joined in. No request or response text: the texts are request_text's.
-- With the requests endpoint_usage counted that the payload tables never logged
-- (unlogged_requests), the same SELECT builds the facts table (npm run rollups) and runs inline
-- where it does not cover.
SELECT
  p.endpoint_name, p.databricks_request_id, p.client_request_id, p.request_date, p.request_time,
  p.status_code, p.sampling_fraction, p.execution_duration_ms, p.served_entity_id,
  p.logging_error_codes, p.requester,
  -- Usage first: a request endpoint_usage counted is exactly one request (the requests sampling
  -- left out are there as unlogged_requests); one it did not count stands for 1 / sampling_fraction.
  CASE WHEN u.databricks_request_id IS NOT NULL THEN 1.0 ELSE {{weight(p)}} END AS weight,
  p.error_category,
  CASE WHEN p.kind = 'guardrail-block' THEN 1 ELSE 0 END AS guardrail_blocked,
  CAST(length(p.request) AS BIGINT) AS request_chars,
  CAST(length(p.response) AS BIGINT) AS response_chars,
  u.databricks_request_id IS NOT NULL AS in_usage,
  u.input_token_count AS usage_in,
  u.output_token_count AS usage_out,
  u.usage_context,
  -- The request body's usage_context, for requests endpoint_usage does not have.
  CASE WHEN u.databricks_request_id IS NULL THEN get_json_object(p.request, '$.usage_context') END AS body_usage_context_json,
  -- What the payload tables alone would estimate (every logged row as 1 / sampling_fraction).
  {{weight(p)}} AS sample_weight,
  TRUE AS logged,
  p.kind,
  p.error_code, p.error_format, p.error_reason, p.error_provider,
  p.guardrail_stage, p.guardrail_pii, p.guardrail_keywords, p.guardrail_categories,
  p.tool_names, p.has_tool_calls, p.choices,
  p.trace_error, p.trace_spans, p.is_stream,
  -- Token counts the response reports (a stream's final usage) and where they came from, and
  -- estimates from the message text a tokenizer reads.
  p.tokens_in, p.tokens_out, p.tokens_cached, p.tokens_reasoning,
  p.token_source AS body_token_source,
  p.est_tokens_in, p.est_tokens_out
FROM {{payload_facts}} p
LEFT JOIN {{usage_rows}} u ON u.databricks_request_id = p.databricks_request_id
