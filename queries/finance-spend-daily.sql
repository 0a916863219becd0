-- Spend per UTC day, split by the top N values of the chosen dimension (ranked over the whole
-- window) plus "(other)". Weighted by 1 / sampling_fraction; unpriced tokens are kept apart.
WITH r AS (
  SELECT
    pr.*,
    coalesce(pr.input_tokens, 0) + coalesce(pr.output_tokens, 0) AS tokens,
    coalesce(CASE :dimension
      WHEN 'context' THEN get_json_object(pr.usage_context_json, concat('$.', :context_key))
      WHEN 'requester' THEN pr.requester
      WHEN 'endpoint' THEN pr.endpoint_name
      WHEN 'served_entity' THEN coalesce(pr.served_entity_name, pr.served_entity_id)
      ELSE coalesce(pr.price_model, pr.entity_name, pr.served_entity_id)
    END, '(not set)') AS dim_value
  FROM {{priced_requests}} pr
),
kept AS (
  SELECT * FROM r WHERE (:focus_value IS NULL OR dim_value = :focus_value)
),
ranked AS (
  SELECT
    dim_value,
    row_number() OVER (ORDER BY coalesce(sum(weight * cost), 0) DESC, sum(weight * tokens) DESC, dim_value) AS value_rank
  FROM kept
  GROUP BY dim_value
)
SELECT
  CAST(k.request_date AS STRING) AS day,
  CASE WHEN :top_n > 0 AND v.value_rank > :top_n THEN '(other)' ELSE k.dim_value END AS series,
  min(v.value_rank) AS series_rank,
  sum(k.weight * k.cost) AS cost,
  sum(k.weight * k.tokens) AS tokens,
  sum(CASE WHEN k.price_model IS NULL THEN k.weight * k.tokens ELSE 0 END) AS unpriced_tokens,
  sum(k.weight) AS requests
FROM kept k
JOIN ranked v ON v.dim_value = k.dim_value
GROUP BY CAST(k.request_date AS STRING), CASE WHEN :top_n > 0 AND v.value_rank > :top_n THEN '(other)' ELSE k.dim_value END
ORDER BY day, series_rank
