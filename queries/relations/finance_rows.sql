-- Priced requests with their total tokens and their value of the chosen finance dimension
-- (dim_value): what every spend query sums.
SELECT
  pr.*,
  coalesce(pr.input_tokens, 0) + coalesce(pr.output_tokens, 0) AS tokens,
  {{dimension_value(pr)}} AS dim_value
FROM {{priced_requests}} pr
