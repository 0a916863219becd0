-- Per time bucket and served entity (or usage_context group): estimated requests, for the traffic
-- share, and p50/p95 latency of the bucket's successful requests, computed from its rows.
WITH base AS (
  SELECT
    CASE :bucket
      WHEN 'minute' THEN date_trunc('minute', p.request_time)
      WHEN 'hour' THEN date_trunc('hour', p.request_time)
      ELSE date_trunc('day', p.request_time)
    END AS bucket,
    p.endpoint_name,
    CASE WHEN :group_by = 'context' THEN coalesce(p.usage_context[:context_key], '(not set)')
      ELSE coalesce(p.served_entity_id, '(none)') END AS group_key,
    p.weight,
    p.logged,
    CASE WHEN p.status_code < 400 THEN p.execution_duration_ms END AS ok_ms
  FROM {{requests}} p
  WHERE {{filters(p)}}
)
SELECT
  bucket,
  endpoint_name,
  group_key,
  sum(weight) AS requests,
  count_if(logged) AS sampled_rows,
  count(ok_ms) AS latency_rows,
  percentile_approx(ok_ms, 0.5) AS p50_ms,
  percentile_approx(ok_ms, 0.95) AS p95_ms
FROM base
GROUP BY bucket, endpoint_name, group_key
ORDER BY bucket, endpoint_name, group_key
