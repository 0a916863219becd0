-- The hourly rollup (gateway_lens_hourly): traffic and outcomes per hour, endpoint, served
-- entity, status and error category. Every measure is a sum or a count, so hours and groups merge.
SELECT
  date_trunc('hour', f.request_time) AS hour,
  CAST(date_trunc('hour', f.request_time) AS DATE) AS hour_date,
  f.endpoint_name, f.served_entity_id, f.status_code, f.error_category,
  count(*) AS sampled_rows,
  sum(f.weight) AS requests,
  sum(f.guardrail_blocked) AS guardrail_blocked_rows,
  sum(CASE WHEN f.request_chars IS NULL THEN 1 ELSE 0 END) AS null_request_rows,
  sum(CASE WHEN f.response_chars IS NULL THEN 1 ELSE 0 END) AS null_response_rows,
  count(f.execution_duration_ms) AS timed_rows,
  sum(f.execution_duration_ms) AS duration_ms_sum
FROM {{rollup_input}} f
GROUP BY date_trunc('hour', f.request_time), f.endpoint_name, f.served_entity_id, f.status_code, f.error_category
