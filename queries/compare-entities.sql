-- One row per served entity (or usage_context group) of each endpoint: estimated requests,
-- logged rows, errors, guardrail blocks, latency percentiles and token means. Statistics in the
-- page are computed from these aggregates, never from raw rows. The same figures as
-- queries/compare-entities.rollup.sql reads from the hourly rollups: percentiles from ~2% latency
-- bins (exact to the bin), means and throughput as ratios of sums.
WITH base AS (
  SELECT
    p.endpoint_name,
    CASE WHEN :group_by = 'context' THEN coalesce(p.usage_context[:context_key], '(not set)')
      ELSE coalesce(p.served_entity_id, '(none)') END AS group_key,
    p.served_entity_id,
    p.weight,
    p.logged,
    p.status_code,
    -- A guardrail block is a 400 whose message names the triggered guardrail.
    p.guardrail_blocked AS blocked,
    CASE WHEN p.status_code < 400 THEN p.execution_duration_ms END AS ok_ms,
    -- endpoint_usage counts tokens for every request; the response's own usage is the fallback
    -- (both extracted once into the request facts).
    CASE WHEN p.status_code < 400 THEN coalesce(p.usage_in, p.tokens_in) END AS ok_input_tokens,
    CASE WHEN p.status_code < 400 THEN CASE WHEN p.in_usage THEN p.usage_out ELSE p.tokens_out END END AS ok_output_tokens,
    -- Throughput counts the requests that report both output tokens and time (as the latency rollup does).
    CASE WHEN p.execution_duration_ms > 0 AND coalesce(p.usage_out, p.tokens_out) > 0 THEN coalesce(p.usage_out, p.tokens_out) END AS timed_tokens,
    CASE WHEN p.in_usage THEN 1 ELSE 0 END AS in_usage
  FROM {{requests}} p
  WHERE {{filters(p)}}
),
counts AS (
  SELECT
    endpoint_name,
    group_key,
    count(DISTINCT served_entity_id) AS served_entities,
    sum(weight) AS requests,
    count_if(logged) AS sampled_rows,
    -- Requests observed one by one (every endpoint_usage row, else every logged row): the
    -- denominator of the error proportion; guardrail blocks are known for logged rows only.
    count(*) AS observed_rows,
    sum(CASE WHEN status_code >= 400 THEN 1 ELSE 0 END) AS error_rows,
    sum(CASE WHEN status_code >= 500 THEN 1 ELSE 0 END) AS server_error_rows,
    sum(blocked) AS blocked_rows,
    sum(ok_input_tokens) AS ok_input_tokens,
    count(ok_input_tokens) AS ok_input_rows,
    sum(ok_output_tokens) AS ok_output_tokens,
    count(ok_output_tokens) AS ok_output_rows,
    sum(in_usage) AS usage_rows
  FROM base
  GROUP BY endpoint_name, group_key
),
bins AS (
  SELECT
    endpoint_name, group_key, {{latency_bin(ok_ms)}} AS bin,
    count(*) AS n, min(ok_ms) AS lo, max(ok_ms) AS hi,
    sum(timed_tokens) AS output_tokens,
    sum(CASE WHEN timed_tokens IS NOT NULL THEN ok_ms END) AS output_ms
  FROM base
  WHERE ok_ms IS NOT NULL
  GROUP BY endpoint_name, group_key, {{latency_bin(ok_ms)}}
)
{{entity_rows(counts, bins)}}
