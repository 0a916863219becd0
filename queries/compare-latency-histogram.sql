-- Latency of successful requests per served entity (or usage_context group) as a histogram of
-- about 2%-wide log buckets, with the smallest and largest value seen in each. Quantile
-- confidence intervals and the Mann-Whitney test are computed from these counts, so the
-- warehouse returns a few hundred rows per group however many requests there were.
WITH base AS (
  SELECT
    p.endpoint_name,
    CASE WHEN :group_by = 'context' THEN coalesce(p.usage_context[:context_key], '(not set)')
      ELSE coalesce(p.served_entity_id, '(none)') END AS group_key,
    p.execution_duration_ms AS ms
  FROM {{requests}} p
  WHERE {{filters(p)}}
    AND p.status_code < 400
    AND p.execution_duration_ms IS NOT NULL
)
SELECT
  endpoint_name,
  group_key,
  {{latency_bin(ms)}} AS bin,
  count(*) AS sampled_rows,
  min(ms) AS min_ms,
  max(ms) AS max_ms
FROM base
GROUP BY endpoint_name, group_key, {{latency_bin(ms)}}
ORDER BY endpoint_name, group_key, bin
