-- The latency rollup (gateway_lens_latency_hourly): a histogram of successful requests'
-- execution_duration_ms in bins of floor(ln(ms) * 50), about 2% wide (-1 holds 0 ms), with each
-- bin's min and max, per hour, endpoint, served entity and status. A percentile over any hours is
-- read from merged counts, never a percentile of percentiles. output_tokens and output_ms sum the
-- output tokens (endpoint_usage's, else the response's) and execution time of the rows that have
-- both, so throughput over any hours is a ratio of sums.
SELECT
  {{rollup_hour(f.request_time)}} AS hour,
  CAST(date_trunc('hour', f.request_time) AS DATE) AS hour_date,
  f.endpoint_name, f.served_entity_id, f.status_code,
  {{latency_bin(f.execution_duration_ms)}} AS bin,
  count(*) AS sampled_rows,
  -- The requests these logged rows stand for: latency is known for logged requests only.
  sum(f.sample_weight) AS requests,
  min(f.execution_duration_ms) AS min_ms,
  max(f.execution_duration_ms) AS max_ms,
  sum(CASE WHEN f.execution_duration_ms > 0 AND coalesce(f.usage_out, f.tokens_out) > 0 THEN coalesce(f.usage_out, f.tokens_out) END) AS output_tokens,
  sum(CASE WHEN f.execution_duration_ms > 0 AND coalesce(f.usage_out, f.tokens_out) > 0 THEN f.execution_duration_ms END) AS output_ms
FROM {{rollup_input}} f
WHERE f.status_code < 400 AND f.execution_duration_ms IS NOT NULL
GROUP BY {{rollup_hour(f.request_time)}}, CAST(date_trunc('hour', f.request_time) AS DATE), f.endpoint_name, f.served_entity_id, f.status_code, {{latency_bin(f.execution_duration_ms)}}
