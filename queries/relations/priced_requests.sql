-- Requests (or hourly groups of them) with the served entity's names and the price in force on
-- the request's date. A request is priced by the book's model whose match list holds, compared
-- whole and case-insensitively, the latest served_entities row's entity_name, else its
-- served_entity_name. cost (per unit of weight: one request) is NULL when unpriced, never 0;
-- queries sum weight * cost and row_count.
SELECT
  pr.*,
  CASE WHEN pr.price_model IS NULL OR (pr.input_tokens IS NULL AND pr.output_tokens IS NULL) THEN NULL ELSE {{spend(pr, pr)}} END AS cost
FROM (
  SELECT t.*, {{price_columns()}}
  FROM {{pricing_rows}} t
  {{price_joins(t)}}
) pr
