-- The rows the inspector list chooses its page from (key_rows: request facts, or payload rows
-- where the facts do not cover the window), each with its sort_value when the list sorts by tokens
-- or cost (priced as finance prices them, read only then; list_sort_value).
SELECT kr.*, sv.sort_value
FROM {{key_rows}} kr
LEFT JOIN (
  SELECT s.databricks_request_id, {{list_sort_value(s)}} AS sort_value
  FROM {{priced_requests}} s
  WHERE :sort IN ('tokens_desc', 'cost_desc') AND {{filters(s)}}
) sv ON sv.databricks_request_id = kr.databricks_request_id
