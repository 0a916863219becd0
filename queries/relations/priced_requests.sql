-- Requests (or hourly groups of them) with the served entity's names and the price in force on
-- the request's date. A request is priced by the book's model whose match list holds, compared
-- whole and case-insensitively, the latest served_entities row's entity_name, else its
-- served_entity_name. cost (per unit of weight: one request) is NULL when unpriced, never 0;
-- queries sum weight * cost and row_count.
SELECT
  pr.*,
  CASE WHEN pr.price_model IS NULL OR (pr.input_tokens IS NULL AND pr.output_tokens IS NULL) THEN NULL ELSE (
    pr.cost_in * pr.input_per_1m
    + pr.cost_cached * coalesce(pr.cached_input_per_1m, pr.input_per_1m)
    + pr.cost_out * pr.output_per_1m
    + pr.cost_reasoning * coalesce(pr.reasoning_per_1m, pr.output_per_1m)
  ) / 1000000.0 END AS cost
FROM (
  SELECT
    t.*,
    se.entity_name,
    se.served_entity_name,
    CASE WHEN pe.model IS NOT NULL THEN pe.model ELSE ps.model END AS price_model,
    CASE WHEN pe.model IS NOT NULL THEN pe.input_per_1m ELSE ps.input_per_1m END AS input_per_1m,
    CASE WHEN pe.model IS NOT NULL THEN pe.output_per_1m ELSE ps.output_per_1m END AS output_per_1m,
    CASE WHEN pe.model IS NOT NULL THEN pe.cached_input_per_1m ELSE ps.cached_input_per_1m END AS cached_input_per_1m,
    CASE WHEN pe.model IS NOT NULL THEN pe.reasoning_per_1m ELSE ps.reasoning_per_1m END AS reasoning_per_1m
  FROM {{pricing_rows}} t
  LEFT JOIN {{served_entities_latest}} se ON se.served_entity_id = t.served_entity_id
  -- No OR in the join conditions: each price join stays a hash join on the name.
  LEFT JOIN {{price_book}} pe ON pe.match_name = lower(se.entity_name)
    AND pe.effective_from <= t.request_date AND t.request_date < coalesce(pe.effective_to, CAST('9999-12-31' AS DATE))
  LEFT JOIN {{price_book}} ps ON ps.match_name = lower(se.served_entity_name)
    AND ps.effective_from <= t.request_date AND t.request_date < coalesce(ps.effective_to, CAST('9999-12-31' AS DATE))
) pr
