-- The same per usage_context key and value (gateway_lens_context_tokens_hourly): a request counts
-- once under each key it carries (token_rollup_keyed).
SELECT
  b.hour, b.hour_date, b.endpoint_name, b.served_entity_id, b.requester, b.status_code, b.token_source, b.input_null, b.output_null,
  b.context_key, b.context_value,
  {{token_sums(b)}}
FROM {{token_rollup_keyed}} b
GROUP BY b.hour, b.hour_date, b.endpoint_name, b.served_entity_id, b.requester, b.status_code, b.token_source, b.input_null, b.output_null, b.context_key, b.context_value
