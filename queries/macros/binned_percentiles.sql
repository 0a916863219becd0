-- binned_percentiles(bins, key): a SELECT of key with p50_ms, p95_ms and p99_ms per key, from latency histogram
-- rows bins (key, bin, n, lo, hi): each bin ranked by its running count within its key (bin_percentiles).
SELECT r.@key, {{bin_percentiles(r)}}
FROM (
  SELECT b.*,
    sum(b.n) OVER (PARTITION BY b.@key ORDER BY b.bin ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS cum,
    sum(b.n) OVER (PARTITION BY b.@key) AS total
  FROM @bins b
) r
GROUP BY r.@key
