-- Tokens per request with where they came from: endpoint_usage when it has the request
-- (usage_table), else the response's usage block (response), else (characters + 1) / 4 of the
-- logged body, the estimate Databricks itself uses (estimate); failed requests without counts
-- count 0; nothing to count from stays NULL (unknown), never 0. usage_context_json is the
-- usage_context map as JSON: endpoint_usage's, else the request body's copy.
SELECT
  rt.databricks_request_id, rt.endpoint_name, rt.served_entity_id, rt.request_time, rt.request_date,
  rt.status_code, rt.requester, rt.sampling_fraction, rt.weight,
  rt.usage_context, rt.body_usage_context_json,
  coalesce(CAST(to_json(rt.usage_context) AS STRING), rt.body_usage_context_json) AS usage_context_json,
  CASE
    WHEN rt.usage_in IS NOT NULL OR rt.usage_out IS NOT NULL THEN 'usage_table'
    WHEN rt.resp_in IS NOT NULL OR rt.resp_out IS NOT NULL THEN 'response'
    WHEN rt.status_code >= 400 OR rt.request_chars IS NOT NULL THEN 'estimate'
    ELSE 'unknown'
  END AS token_source,
  {{token_count(rt, usage_in, resp_in, request_chars)}} AS input_tokens,
  {{token_count(rt, usage_out, resp_out, response_chars)}} AS output_tokens,
  rt.cached_in AS cached_input_tokens,
  rt.reasoning_out AS reasoning_tokens
FROM {{requests}} rt
WHERE {{scope(rt)}}
