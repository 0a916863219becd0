-- Latency of successful requests per served entity in the same ~2% log bins as the raw query,
-- merged from the hourly latency histograms: counts add up and min/max of min/max are exact,
-- so the rows equal those computed from the requests.
SELECT
  a.endpoint_name,
  coalesce(a.served_entity_id, '(none)') AS group_key,
  a.bin,
  sum(a.sampled_rows) AS sampled_rows,
  min(a.min_ms) AS min_ms,
  max(a.max_ms) AS max_ms
FROM {{latency_hourly}} a
GROUP BY a.endpoint_name, coalesce(a.served_entity_id, '(none)'), a.bin
ORDER BY endpoint_name, group_key, bin
