-- price_columns(): the names and prices price_joins found: entity_name, served_entity_name, the
-- priced model (price_model, NULL when unpriced) and its four prices per million tokens.
se.entity_name,
se.served_entity_name,
CASE WHEN pe.model IS NOT NULL THEN pe.model ELSE ps.model END AS price_model,
CASE WHEN pe.model IS NOT NULL THEN pe.input_per_1m ELSE ps.input_per_1m END AS input_per_1m,
CASE WHEN pe.model IS NOT NULL THEN pe.output_per_1m ELSE ps.output_per_1m END AS output_per_1m,
CASE WHEN pe.model IS NOT NULL THEN pe.cached_input_per_1m ELSE ps.cached_input_per_1m END AS cached_input_per_1m,
CASE WHEN pe.model IS NOT NULL THEN pe.reasoning_per_1m ELSE ps.reasoning_per_1m END AS reasoning_per_1m
