-- Share of logged rows per time bucket whose request or response body is NULL. Rejections
-- (401/403/429) legitimately have no model response; oversize bodies are NULL with a code.
WITH filtered AS (
  SELECT
    {{time_bucket(p.request_time)}} AS bucket,
    p.request_chars,
    p.response_chars
  FROM {{requests}} p
  WHERE {{filters(p)}}
    AND p.logged
)
SELECT
  bucket,
  count(*) AS sampled_rows,
  sum(CASE WHEN request_chars IS NULL THEN 1 ELSE 0 END) AS null_request_rows,
  sum(CASE WHEN response_chars IS NULL THEN 1 ELSE 0 END) AS null_response_rows
FROM filtered
GROUP BY bucket
ORDER BY bucket
