-- Tokens per request with where they came from: endpoint_usage when it has the request
-- (usage_table), else the counts the response reports (response: a stream's final usage), else
-- (characters + 1) / 4 of the message text a tokenizer reads, the estimate Databricks itself uses
-- (estimate); failed requests without counts count 0; nothing to count from stays NULL
-- (unknown), never 0. usage_context is endpoint_usage's map; body_usage_context_json the request
-- body's copy, read where endpoint_usage has none (a map is never turned into JSON per row: at
-- 10M rows that alone took seconds).
SELECT
  rt.databricks_request_id, rt.endpoint_name, rt.served_entity_id, rt.request_time, rt.request_date,
  rt.status_code, rt.requester, rt.sampling_fraction, rt.weight,
  rt.usage_context, rt.body_usage_context_json,
  {{token_origin(rt)}} AS token_source,
  {{token_count(rt, usage_in, tokens_in, est_tokens_in)}} AS input_tokens,
  {{token_count(rt, usage_out, tokens_out, est_tokens_out)}} AS output_tokens,
  rt.tokens_cached AS cached_input_tokens,
  rt.tokens_reasoning AS reasoning_tokens
FROM {{requests}} rt
WHERE {{scope(rt)}}
