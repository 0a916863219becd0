-- Estimated requests per HTTP status code as logged in the payload tables, from the hourly
-- rollup: its table for the whole hours it covers, computed from the requests for the rest.
SELECT
  a.status_code,
  sum(a.requests) AS requests,
  sum(a.sampled_rows) AS sampled_rows
FROM {{hourly}} a
GROUP BY a.status_code
ORDER BY a.status_code
