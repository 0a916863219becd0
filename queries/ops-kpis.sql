-- Headline numbers for the window and for the period of equal length just before it.
-- The filters span both periods (:start_time is the previous period's start); :current_start
-- splits them. Requests are counted endpoint_usage first (exact where it has them, else logged
-- rows weighted by 1 / sampling_fraction); latency is over successful logged requests only, so
-- instant 401/429 rejections do not flatter it, read from ~2% latency bins (bin_percentiles) as
-- the variant over the rollup tables reads them (queries/ops-kpis.rollup.sql).
WITH filtered AS (
  SELECT
    CASE WHEN p.request_time >= CAST(:current_start AS TIMESTAMP) THEN 'current' ELSE 'previous' END AS period,
    date_trunc('minute', p.request_time) AS minute,
    p.status_code,
    p.execution_duration_ms,
    p.weight,
    p.sample_weight,
    p.logged,
    p.in_usage
  FROM {{requests}} p
  WHERE {{filters(p)}}
),
per_minute AS (
  SELECT period, minute, sum(weight) AS requests
  FROM filtered
  GROUP BY period, minute
),
peaks AS (
  SELECT period, max(requests) AS peak_minute_requests
  FROM per_minute
  GROUP BY period
),
bins AS (
  SELECT period, {{latency_bin(execution_duration_ms)}} AS bin, count(*) AS n, min(execution_duration_ms) AS lo, max(execution_duration_ms) AS hi
  FROM filtered
  WHERE status_code < 400 AND execution_duration_ms IS NOT NULL
  GROUP BY 1, 2
),
latency AS (
  {{binned_percentiles(bins, period)}}
)
SELECT
  f.period,
  sum(f.weight) AS requests,
  count_if(f.logged) AS sampled_rows,
  -- Of those, how many endpoint_usage counted one by one, and what the payload rows alone estimate.
  sum(CASE WHEN f.in_usage THEN f.weight ELSE 0 END) AS exact_requests,
  sum(f.sample_weight) AS payload_requests,
  sum(CASE WHEN f.status_code >= 400 THEN f.weight ELSE 0 END) AS errors,
  max(pk.peak_minute_requests) AS peak_minute_requests,
  max(l.p50_ms) AS p50_ms,
  max(l.p95_ms) AS p95_ms,
  max(l.p99_ms) AS p99_ms
FROM filtered f
JOIN peaks pk ON pk.period = f.period
LEFT JOIN latency l ON l.period = f.period
GROUP BY f.period
ORDER BY f.period
