-- Spend and tokens in the window per token source (usage table, response, estimate), weighted by
-- 1 / sampling_fraction. Optionally narrowed to one value of the chosen dimension.
SELECT
  token_source,
  sum(weight) AS requests,
  sum(row_count) AS sampled_rows,
  sum(weight * input_tokens) AS input_tokens,
  sum(weight * output_tokens) AS output_tokens,
  sum(weight * cost) AS cost,
  sum(CASE WHEN cost IS NOT NULL THEN weight ELSE 0 END) AS priced_requests,
  sum(CASE WHEN price_model IS NULL THEN weight ELSE 0 END) AS unpriced_requests,
  sum(CASE WHEN price_model IS NULL THEN weight * tokens ELSE 0 END) AS unpriced_tokens
FROM {{finance_rows}} r
GROUP BY token_source
ORDER BY token_source
