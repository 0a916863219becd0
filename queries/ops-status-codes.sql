-- Estimated requests per HTTP status code as logged in the payload tables.
SELECT
  p.status_code,
  sum(1.0 / coalesce(nullif(p.sampling_fraction, 0), 1.0)) AS requests,
  count(*) AS sampled_rows
FROM {{requests}} p
WHERE {{payload_filters}}
GROUP BY p.status_code
ORDER BY p.status_code
