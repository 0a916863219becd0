-- The headline numbers of queries/ops-kpis.sql from the rollup tables: counts from the hourly
-- rollup, the busiest minute from the per-minute rollup, percentiles from the merged latency
-- bins. A row's period is read from its hour; the hour :current_start falls in (when it is not
-- whole) comes from requests, labelled by side (rollup_hour), so no hour mixes the periods.
WITH counts AS (
  SELECT
    CASE WHEN a.hour >= CAST(:current_start AS TIMESTAMP) THEN 'current' ELSE 'previous' END AS period,
    sum(a.requests) AS requests,
    sum(a.sampled_rows) AS sampled_rows,
    sum(a.usage_requests) AS exact_requests,
    sum(a.payload_requests) AS payload_requests,
    sum(CASE WHEN a.status_code >= 400 THEN a.requests ELSE 0 END) AS errors
  FROM {{hourly}} a
  GROUP BY 1
),
per_minute AS (
  SELECT
    CASE WHEN m.hour >= CAST(:current_start AS TIMESTAMP) THEN 'current' ELSE 'previous' END AS period,
    m.minute,
    sum(m.requests) AS requests
  FROM {{minutely}} m
  GROUP BY 1, 2
),
peaks AS (
  SELECT period, max(requests) AS peak_minute_requests
  FROM per_minute
  GROUP BY period
),
bins AS (
  SELECT
    CASE WHEN l.t >= CAST(:current_start AS TIMESTAMP) THEN 'current' ELSE 'previous' END AS period,
    l.bin, sum(l.n) AS n, min(l.lo) AS lo, max(l.hi) AS hi
  FROM {{latency_rows}} l
  GROUP BY 1, 2
),
latency AS (
  {{binned_percentiles(bins, period)}}
)
SELECT
  c.period, c.requests, c.sampled_rows, c.exact_requests, c.payload_requests, c.errors,
  pk.peak_minute_requests,
  l.p50_ms, l.p95_ms, l.p99_ms
FROM counts c
JOIN peaks pk ON pk.period = c.period
LEFT JOIN latency l ON l.period = c.period
ORDER BY c.period
