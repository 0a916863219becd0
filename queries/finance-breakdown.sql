-- Spend and tokens per value of the chosen dimension (a usage_context key, requester, endpoint,
-- served entity or priced model), weighted by 1 / sampling_fraction. Values past the top N are
-- summed into "(other)"; top_n = 0 keeps every value (the CSV export).
WITH by_value AS (
  SELECT
    dim_value,
    sum(weight) AS requests,
    sum(row_count) AS sampled_rows,
    sum(weight * input_tokens) AS input_tokens,
    sum(weight * output_tokens) AS output_tokens,
    sum(CASE WHEN token_source = 'estimate' THEN weight * tokens ELSE 0 END) AS estimated_tokens,
    sum(weight * cost) AS cost,
    sum(CASE WHEN cost IS NOT NULL THEN weight ELSE 0 END) AS priced_requests,
    sum(CASE WHEN price_model IS NULL THEN weight * tokens ELSE 0 END) AS unpriced_tokens
  FROM {{finance_rows}} r
  GROUP BY dim_value
),
ranked AS (
  SELECT
    b.*,
    row_number() OVER (ORDER BY coalesce(b.cost, 0) DESC, coalesce(b.input_tokens, 0) + coalesce(b.output_tokens, 0) DESC, b.dim_value) AS value_rank
  FROM by_value b
),
grouped AS (
  SELECT
    {{top_n_series(value_rank, dim_value)}} AS value,
    {{top_n_rank(value_rank)}} AS value_rank,
    requests, sampled_rows, input_tokens, output_tokens, estimated_tokens, cost, priced_requests, unpriced_tokens
  FROM ranked
)
SELECT
  value,
  value_rank,
  count(*) AS values_included,
  sum(requests) AS requests,
  sum(sampled_rows) AS sampled_rows,
  sum(input_tokens) AS input_tokens,
  sum(output_tokens) AS output_tokens,
  sum(estimated_tokens) AS estimated_tokens,
  sum(cost) AS cost,
  CAST(:currency AS STRING) AS currency,
  sum(cost) / nullif(sum(priced_requests), 0) AS cost_per_request,
  sum(unpriced_tokens) AS unpriced_tokens
FROM grouped
GROUP BY value, value_rank
ORDER BY value_rank
