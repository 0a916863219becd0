-- p50/p95/p99 of execution_duration_ms of successful requests per time bucket and series, read
-- from ~2% latency bins (bin_percentiles: exact where a bin holds one or two values, else within
-- its bin), never percentiles of percentiles: the hourly latency rollup's bins merged for hour
-- and day buckets, bins of the requests themselves otherwise. Output tokens per second is a
-- ratio of sums: output tokens over execution time of the requests that report output tokens.
WITH bins AS (
  SELECT
    {{time_bucket(l.t)}} AS bucket,
    {{series(l, se)}} AS series,
    l.bin,
    sum(l.n) AS n,
    min(l.lo) AS lo,
    max(l.hi) AS hi,
    sum(l.output_tokens) AS output_tokens,
    sum(l.output_ms) AS output_ms
  FROM {{latency_rows}} l
  LEFT JOIN {{served_entities_latest}} se ON se.served_entity_id = l.served_entity_id
  GROUP BY 1, 2, 3
),
ranked AS (
  SELECT b.*,
    sum(b.n) OVER (PARTITION BY b.bucket, b.series ORDER BY b.bin ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS cum,
    sum(b.n) OVER (PARTITION BY b.bucket, b.series) AS total
  FROM bins b
)
SELECT
  r.bucket,
  r.series,
  sum(r.n) AS sampled_rows,
  {{bin_percentiles(r)}},
  1000.0 * sum(r.output_tokens) / nullif(sum(r.output_ms), 0) AS output_tokens_per_s
FROM ranked r
GROUP BY r.bucket, r.series
ORDER BY r.bucket, r.series
