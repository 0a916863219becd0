-- usage_context keys present in the window, weighted requests carrying each, and how many values.
-- Keys come from endpoint_usage when it is readable, else from the request bodies.
WITH keyed AS (
  SELECT
    t.weight,
    t.usage_context,
    t.body_usage_context_json,
    explode(coalesce(map_keys(t.usage_context), json_object_keys(t.body_usage_context_json))) AS context_key
  FROM {{request_tokens}} t
  WHERE t.usage_context IS NOT NULL OR t.body_usage_context_json IS NOT NULL
)
SELECT
  context_key,
  sum(weight) AS requests,
  count(DISTINCT coalesce(usage_context[context_key], get_json_object(body_usage_context_json, concat('$.', context_key)))) AS distinct_values
FROM keyed
GROUP BY context_key
ORDER BY requests DESC, context_key
