-- One row per served entity (or usage_context group) of each endpoint: estimated requests,
-- logged rows, errors, guardrail blocks, latency percentiles and token means. Statistics in the
-- page are computed from these aggregates, never from raw rows.
WITH base AS (
  SELECT
    p.endpoint_name,
    CASE WHEN :group_by = 'context' THEN coalesce(p.usage_context[:context_key], '(not set)')
      ELSE coalesce(p.served_entity_id, '(none)') END AS group_key,
    p.served_entity_id,
    p.weight,
    p.logged,
    p.status_code,
    p.execution_duration_ms,
    -- A guardrail block is a 400 whose message names the triggered guardrail.
    p.guardrail_blocked AS blocked,
    -- endpoint_usage counts tokens for every request; the response's own usage is the fallback
    -- (both extracted once into the request facts).
    CASE WHEN p.usage_in IS NOT NULL THEN p.usage_in
      WHEN p.status_code < 400 THEN p.resp_in END AS input_tokens,
    CASE WHEN p.in_usage THEN p.usage_out
      WHEN p.status_code < 400 THEN p.resp_out END AS output_tokens,
    CASE WHEN p.in_usage THEN 1 ELSE 0 END AS in_usage
  FROM {{requests}} p
  WHERE {{filters(p)}}
),
ok AS (
  SELECT b.*, CASE WHEN b.status_code < 400 THEN b.execution_duration_ms END AS ok_ms,
    CASE WHEN b.status_code < 400 AND b.output_tokens IS NOT NULL AND b.execution_duration_ms > 0 THEN 1 ELSE 0 END AS timed_output
  FROM base b
)
SELECT
  o.endpoint_name,
  o.group_key,
  CASE WHEN :group_by = 'context' THEN NULL ELSE max(se.served_entity_name) END AS served_entity_name,
  CASE WHEN :group_by = 'context' THEN NULL ELSE max(se.entity_name) END AS entity_name,
  CASE WHEN :group_by = 'context' THEN NULL ELSE max(se.entity_type) END AS entity_type,
  count(DISTINCT o.served_entity_id) AS served_entities,
  sum(o.weight) AS requests,
  count_if(o.logged) AS sampled_rows,
  -- Requests observed one by one (every endpoint_usage row, else every logged row): the
  -- denominator of the error proportion; guardrail blocks are known for logged rows only.
  count(*) AS observed_rows,
  sum(CASE WHEN o.status_code >= 400 THEN 1 ELSE 0 END) AS error_rows,
  sum(CASE WHEN o.status_code >= 500 THEN 1 ELSE 0 END) AS server_error_rows,
  sum(o.blocked) AS blocked_rows,
  count(o.ok_ms) AS latency_rows,
  percentile_approx(o.ok_ms, 0.5) AS p50_ms,
  percentile_approx(o.ok_ms, 0.95) AS p95_ms,
  percentile_approx(o.ok_ms, 0.99) AS p99_ms,
  avg(CASE WHEN o.status_code < 400 THEN o.input_tokens END) AS mean_input_tokens,
  avg(CASE WHEN o.status_code < 400 THEN o.output_tokens END) AS mean_output_tokens,
  -- Throughput as a ratio of sums: total output tokens over total model time.
  1000.0 * sum(CASE WHEN o.timed_output = 1 THEN o.output_tokens END)
    / nullif(sum(CASE WHEN o.timed_output = 1 THEN o.execution_duration_ms END), 0) AS output_tokens_per_second,
  sum(o.in_usage) AS usage_rows
FROM ok o
LEFT JOIN {{served_entities_latest}} se ON se.served_entity_id = o.served_entity_id
GROUP BY o.endpoint_name, o.group_key
ORDER BY o.endpoint_name, requests DESC, o.group_key
