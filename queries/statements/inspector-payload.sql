-- The request and response bodies of one logged request, loaded only when the detail asks; they
-- pass PII masking (or an audited reveal) before leaving the server.
SELECT p.request, p.response, p.status_code, p.logging_error_codes
FROM {{payload}} p
WHERE {{filters(p)}}
  AND p.databricks_request_id = :request_id
LIMIT 1
