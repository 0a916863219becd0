-- Distribution of execution_duration_ms for successful requests, sampling-weighted, in bins of 29
-- latency bins each (latency_bin: ~2% wide, so a bin here is about ×1.79: 1, 1.8, 3.2, 5.7,
-- 10.2 ms …; bin -1 holds 0 ms), so the hourly latency histogram (the rollup table for whole
-- hours, else computed from requests) answers it exactly; a long tail stays readable.
SELECT
  d.bin,
  CASE WHEN d.bin < 0 THEN 0 ELSE exp(d.bin * 29 / 50.0) END AS lower_ms,
  exp((d.bin + 1) * 29 / 50.0) AS upper_ms,
  sum(d.requests) AS requests,
  sum(d.sampled_rows) AS sampled_rows
FROM (
  SELECT CAST(floor(l.bin / 29.0) AS INT) AS bin, l.requests, l.sampled_rows
  FROM {{latency_hourly}} l
) d
GROUP BY d.bin
ORDER BY d.bin
