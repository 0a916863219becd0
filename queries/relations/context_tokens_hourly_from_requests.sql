-- The same per usage_context key and value (gateway_lens_context_tokens_hourly): endpoint_usage's
-- map, else the request body's copy, as the finance dimension reads them. A request counts once
-- under each key it carries.
SELECT
  b.hour, b.hour_date, b.endpoint_name, b.served_entity_id, b.requester, b.status_code, b.token_source, b.input_null, b.output_null,
  b.context_key, b.context_value,
  {{token_sums(b)}}
FROM (
  SELECT k.*, coalesce(k.usage_context[k.context_key], get_json_object(k.body_usage_context_json, concat('$.', k.context_key))) AS context_value
  FROM (
    SELECT r.*, explode(coalesce(map_keys(r.usage_context), json_object_keys(r.body_usage_context_json))) AS context_key
    FROM {{token_rollup_rows}} r
    WHERE r.usage_context IS NOT NULL OR r.body_usage_context_json IS NOT NULL
  ) k
) b
WHERE b.context_value IS NOT NULL
GROUP BY b.hour, b.hour_date, b.endpoint_name, b.served_entity_id, b.requester, b.status_code, b.token_source, b.input_null, b.output_null, b.context_key, b.context_value
