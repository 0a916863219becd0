-- The rows the inspector list chooses its page from (key_rows: request facts, or payload rows
-- where the facts do not cover the window), each with its sort_value when the list sorts by tokens
-- or cost (priced as finance prices them, read only then): tokens in + out as the list shows them,
-- or the request's cost; NULL sorts last as -1.
SELECT kr.*, sv.sort_value
FROM {{key_rows}} kr
LEFT JOIN (
  SELECT s.databricks_request_id,
    CASE WHEN :sort = 'tokens_desc' THEN
      CASE WHEN s.input_tokens IS NULL AND s.output_tokens IS NULL THEN -1.0
        ELSE CAST(coalesce(s.input_tokens, 0) + coalesce(s.output_tokens, 0) AS DOUBLE) END
      ELSE coalesce(CAST(s.cost AS DOUBLE), -1.0) END AS sort_value
  FROM {{priced_requests}} s
  WHERE :sort IN ('tokens_desc', 'cost_desc') AND {{filters(s)}}
) sv ON sv.databricks_request_id = kr.databricks_request_id
