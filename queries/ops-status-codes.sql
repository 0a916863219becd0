-- Estimated requests per HTTP status code as logged in the payload tables.
SELECT
  p.status_code,
  sum({{weight(p)}}) AS requests,
  count(*) AS sampled_rows
FROM {{requests}} p
WHERE {{filters(p)}}
GROUP BY p.status_code
ORDER BY p.status_code
