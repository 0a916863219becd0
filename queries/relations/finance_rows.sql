-- Priced requests with their total tokens and their value of the chosen finance dimension
-- (dim_value), narrowed to one value when the page is focused on it (:focus_value): what every
-- spend query sums.
SELECT * FROM (
  SELECT
    pr.*,
    coalesce(pr.input_tokens, 0) + coalesce(pr.output_tokens, 0) AS tokens,
    {{dimension_value(pr)}} AS dim_value
  FROM {{priced_requests}} pr
) fr
WHERE :focus_value IS NULL OR fr.dim_value = :focus_value
