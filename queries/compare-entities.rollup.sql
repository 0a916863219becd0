-- The rows of queries/compare-entities.sql per served entity from the hourly rollups: counts,
-- blocks and token sums from gateway_lens_hourly (a row of it counts its logged rows and, as
-- unlogged_requests, the requests only endpoint_usage counted, one each), latency bins and
-- throughput from gateway_lens_latency_hourly, so no request row is read for the whole hours.
WITH counts AS (
  SELECT
    a.endpoint_name,
    coalesce(a.served_entity_id, '(none)') AS group_key,
    count(DISTINCT a.served_entity_id) AS served_entities,
    sum(a.requests) AS requests,
    sum(a.sampled_rows) AS sampled_rows,
    sum(a.sampled_rows + a.unlogged_requests) AS observed_rows,
    sum(CASE WHEN a.status_code >= 400 THEN a.sampled_rows + a.unlogged_requests ELSE 0 END) AS error_rows,
    sum(CASE WHEN a.status_code >= 500 THEN a.sampled_rows + a.unlogged_requests ELSE 0 END) AS server_error_rows,
    sum(a.guardrail_blocked_rows) AS blocked_rows,
    sum(a.ok_input_tokens) AS ok_input_tokens,
    sum(a.ok_input_rows) AS ok_input_rows,
    sum(a.ok_output_tokens) AS ok_output_tokens,
    sum(a.ok_output_rows) AS ok_output_rows,
    sum(a.usage_requests) AS usage_rows
  FROM {{hourly}} a
  GROUP BY 1, 2
),
bins AS (
  SELECT
    l.endpoint_name,
    coalesce(l.served_entity_id, '(none)') AS group_key,
    l.bin, sum(l.n) AS n, min(l.lo) AS lo, max(l.hi) AS hi,
    sum(l.output_tokens) AS output_tokens, sum(l.output_ms) AS output_ms
  FROM {{latency_rows}} l
  GROUP BY 1, 2, 3
)
{{entity_rows(counts, bins)}}
