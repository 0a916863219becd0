-- Values of one usage_context key (:context_key) in the window, busiest first, read as finance
-- reads a key (endpoint_usage's map, else the request body's copy): the filter bar's choices.
SELECT v.value, sum(v.weight) AS requests
FROM (
  SELECT coalesce(r.usage_context[:context_key], get_json_object(r.body_usage_context_json, :context_path)) AS value, r.weight
  FROM {{requests}} r
  WHERE {{filters(r)}}
) v
WHERE v.value IS NOT NULL
GROUP BY v.value
ORDER BY requests DESC, v.value
LIMIT 200
