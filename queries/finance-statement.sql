-- Monthly statement: per UTC month, per value of the chosen dimension (end_user_to_charge by
-- default), per model: requests, tokens and cost. Weighted by 1 / sampling_fraction; an unpriced
-- model has an empty cost, never 0.
SELECT
  substr(CAST(request_date AS STRING), 1, 7) AS month,
  dim_value AS value,
  coalesce(price_model, entity_name, served_entity_id, '(unknown)') AS model,
  price_model IS NOT NULL AS priced,
  sum(weight) AS requests,
  sum(weight * input_tokens) AS input_tokens,
  sum(weight * output_tokens) AS output_tokens,
  sum(CASE WHEN token_source = 'estimate' THEN weight * tokens ELSE 0 END) AS estimated_tokens,
  sum(weight * cost) AS cost,
  CAST(:currency AS STRING) AS currency
FROM {{finance_rows}} r
GROUP BY substr(CAST(request_date AS STRING), 1, 7), dim_value, coalesce(price_model, entity_name, served_entity_id, '(unknown)'), price_model IS NOT NULL
ORDER BY month, value, cost DESC
