-- The hourly rollup (gateway_lens_hourly): traffic and outcomes per hour, endpoint, served
-- entity, status and outcome (outcome: the error category, answers whose trace has a failed span
-- apart). Every measure is a sum or a count, so hours and groups merge.
-- requests counts every request served (endpoint_usage first); sampled_rows the logged rows;
-- unlogged_requests those only endpoint_usage counted; payload_requests what the logged rows
-- alone would estimate (1 / sampling_fraction each); usage_requests those endpoint_usage counted
-- one by one (exact). ok_input_tokens / ok_output_tokens sum the tokens of successful requests
-- (endpoint_usage's where it counted them, else the response's) over the rows that report them
-- (ok_input_rows / ok_output_rows), so a mean over any hours is a ratio of sums.
SELECT
  {{rollup_hour(f.request_time)}} AS hour,
  CAST(date_trunc('hour', f.request_time) AS DATE) AS hour_date,
  f.endpoint_name, f.served_entity_id, f.status_code, {{outcome(f)}} AS error_category,
  count_if(f.logged) AS sampled_rows,
  sum(f.weight) AS requests,
  sum(CASE WHEN f.logged THEN 0 ELSE f.weight END) AS unlogged_requests,
  sum(f.sample_weight) AS payload_requests,
  sum(CASE WHEN f.in_usage THEN f.weight ELSE 0 END) AS usage_requests,
  sum(f.guardrail_blocked) AS guardrail_blocked_rows,
  count_if(f.logged AND f.request_chars IS NULL) AS null_request_rows,
  count_if(f.logged AND f.response_chars IS NULL) AS null_response_rows,
  count(f.execution_duration_ms) AS timed_rows,
  sum(f.execution_duration_ms) AS duration_ms_sum,
  sum(CASE WHEN f.status_code < 400 THEN coalesce(f.usage_in, f.tokens_in) END) AS ok_input_tokens,
  count(CASE WHEN f.status_code < 400 THEN coalesce(f.usage_in, f.tokens_in) END) AS ok_input_rows,
  sum(CASE WHEN f.status_code < 400 THEN CASE WHEN f.in_usage THEN f.usage_out ELSE f.tokens_out END END) AS ok_output_tokens,
  count(CASE WHEN f.status_code < 400 THEN CASE WHEN f.in_usage THEN f.usage_out ELSE f.tokens_out END END) AS ok_output_rows
FROM {{rollup_input}} f
GROUP BY {{rollup_hour(f.request_time)}}, CAST(date_trunc('hour', f.request_time) AS DATE), f.endpoint_name, f.served_entity_id, f.status_code, {{outcome(f)}}
