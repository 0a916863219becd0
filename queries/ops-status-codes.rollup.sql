-- Estimated requests per HTTP status code, from the hourly rollups (lib/rollups): whole hours
-- from the rollup table, the partial hours at the window's edges from the requests themselves.
SELECT
  a.status_code,
  sum(a.requests) AS requests,
  sum(a.sampled_rows) AS sampled_rows
FROM {{hourly}} a
GROUP BY a.status_code
ORDER BY a.status_code
