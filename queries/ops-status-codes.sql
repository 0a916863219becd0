-- Requests per HTTP status code, endpoint_usage first (so the 401, 403 and 429 answers the
-- payload tables never logged are counted, as not logged), from the hourly rollup: its table for
-- the whole hours it covers, computed from the requests for the rest.
SELECT
  a.status_code,
  sum(a.requests) AS requests,
  sum(a.sampled_rows) AS sampled_rows,
  sum(a.unlogged_requests) AS unlogged_requests
FROM {{hourly}} a
GROUP BY a.status_code
ORDER BY a.status_code
