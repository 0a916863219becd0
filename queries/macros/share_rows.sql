-- share_rows(counts, bins): the rows of compare-share-over-time from its two relations, whichever plan made them: counts
-- (bucket, endpoint_name, group_key, requests, sampled_rows) and latency bins (the same keys, bin, n, lo, hi), p50/p95
-- read from the merged bins by bin_percentiles.
SELECT
  c.bucket,
  c.endpoint_name,
  c.group_key,
  c.requests,
  c.sampled_rows,
  coalesce(l.latency_rows, 0) AS latency_rows,
  l.p50_ms,
  l.p95_ms
FROM @counts c
LEFT JOIN (
  SELECT r.bucket, r.endpoint_name, r.group_key, sum(r.n) AS latency_rows, {{bin_percentiles(r)}}
  FROM (
    SELECT b.*,
      sum(b.n) OVER (PARTITION BY b.bucket, b.endpoint_name, b.group_key ORDER BY b.bin ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS cum,
      sum(b.n) OVER (PARTITION BY b.bucket, b.endpoint_name, b.group_key) AS total
    FROM @bins b
  ) r
  GROUP BY r.bucket, r.endpoint_name, r.group_key
) l ON l.bucket = c.bucket AND l.endpoint_name = c.endpoint_name AND l.group_key = c.group_key
ORDER BY c.bucket, c.endpoint_name, c.group_key
