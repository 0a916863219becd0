-- The rows of queries/compare-share-over-time.sql per served entity from the hourly rollups (hour
-- and day buckets in whole-hour zones): requests and logged rows from the hourly rollup, p50/p95
-- from its merged ~2% latency bins, so no request row is read for the whole hours.
WITH counts AS (
  SELECT
    {{time_bucket(a.hour)}} AS bucket,
    a.endpoint_name,
    coalesce(a.served_entity_id, '(none)') AS group_key,
    sum(a.requests) AS requests,
    sum(a.sampled_rows) AS sampled_rows
  FROM {{hourly}} a
  GROUP BY 1, 2, 3
),
bins AS (
  SELECT
    {{time_bucket(l.t)}} AS bucket,
    l.endpoint_name,
    coalesce(l.served_entity_id, '(none)') AS group_key,
    l.bin, sum(l.n) AS n, min(l.lo) AS lo, max(l.hi) AS hi
  FROM {{latency_rows}} l
  GROUP BY 1, 2, 3, 4
)
{{share_rows(counts, bins)}}
