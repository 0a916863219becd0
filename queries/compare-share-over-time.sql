-- Per time bucket and served entity (or usage_context group): estimated requests, for the traffic
-- share, and p50/p95 latency of the bucket's successful requests, read from ~2% latency bins
-- (bin_percentiles: exact where a bin holds one or two values, else within its bin), the same
-- figures queries/compare-share-over-time.rollup.sql reads from merged hourly bins.
WITH base AS (
  SELECT
    {{time_bucket(p.request_time)}} AS bucket,
    p.endpoint_name,
    CASE WHEN :group_by = 'context' THEN coalesce(p.usage_context[:context_key], '(not set)')
      ELSE coalesce(p.served_entity_id, '(none)') END AS group_key,
    p.weight,
    p.logged,
    CASE WHEN p.status_code < 400 THEN p.execution_duration_ms END AS ok_ms
  FROM {{requests}} p
  WHERE {{filters(p)}}
),
counts AS (
  SELECT bucket, endpoint_name, group_key, sum(weight) AS requests, count_if(logged) AS sampled_rows
  FROM base
  GROUP BY bucket, endpoint_name, group_key
),
bins AS (
  SELECT bucket, endpoint_name, group_key, {{latency_bin(ok_ms)}} AS bin, count(*) AS n, min(ok_ms) AS lo, max(ok_ms) AS hi
  FROM base
  WHERE ok_ms IS NOT NULL
  GROUP BY bucket, endpoint_name, group_key, {{latency_bin(ok_ms)}}
)
{{share_rows(counts, bins)}}
