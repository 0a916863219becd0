-- Failed logged requests with their outcome category (error_category) and the error_code and
-- message of their response body; NULL, truncated or non-JSON bodies give NULLs, not errors.
SELECT
  {{error_category(p)}} AS category,
  p.status_code,
  p.request_time,
  p.databricks_request_id,
  p.endpoint_name,
  p.response,
  get_json_object(p.response, '$.error_code') AS error_code,
  get_json_object(p.response, '$.message') AS message,
  {{weight(p)}} AS weight
FROM {{payload}} p
WHERE {{filters(p)}}
  AND p.status_code >= 400
