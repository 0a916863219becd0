-- Per request and usage_context key it carries, its token row (token_rollup_rows) with the key and
-- its value: endpoint_usage's map, else the request body's copy, as the finance dimension reads
-- them. A key without a value is left out.
SELECT * FROM (
  SELECT k.*, coalesce(k.usage_context[k.context_key], get_json_object(k.body_usage_context_json, concat('$.', k.context_key))) AS context_value
  FROM (
    SELECT r.*, explode(coalesce(map_keys(r.usage_context), json_object_keys(r.body_usage_context_json))) AS context_key
    FROM {{token_rollup_rows}} r
    WHERE r.usage_context IS NOT NULL OR r.body_usage_context_json IS NOT NULL
  ) k
) kv
WHERE kv.context_value IS NOT NULL
