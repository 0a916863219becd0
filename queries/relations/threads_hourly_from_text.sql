-- The conversations rollup (gateway_lens_threads_hourly): per hour, endpoint, served entity,
-- status and requester, each conversation's turns (thread_id, as request_text keeps it) with its
-- first and last time and latest request, and the tokens of those turns as the conversations
-- list counts them: their sum, the turns that have counts, and the four terms spend is made of
-- (priced_requests), whose price depends only on the served entity and the day, so a group is
-- priced exactly. Counts, sums, minima and maxima merge over hours (the latest request is the
-- group's with the latest time): the conversations list is answered from it alone, without
-- reading a turn.
SELECT
  {{rollup_hour(t.request_time)}} AS hour,
  CAST(date_trunc('hour', t.request_time) AS DATE) AS hour_date,
  t.endpoint_name, t.served_entity_id, t.status_code, t.requester, t.thread_id,
  min(t.thread_source) AS thread_source,
  count(*) AS turns,
  min(t.request_time) AS first_seen,
  max(t.request_time) AS last_seen,
  max_by(t.databricks_request_id, t.request_time) AS latest_request_id,
  -- BIGINT on both engines (DuckDB would keep 128-bit sums, which its arithmetic reads slowly).
  CAST(sum(coalesce(k.input_tokens, 0) + coalesce(k.output_tokens, 0)) AS BIGINT) AS tokens,
  CAST(count_if(k.input_tokens IS NOT NULL OR k.output_tokens IS NOT NULL) AS BIGINT) AS tokened_turns,
  CAST(sum(coalesce(k.input_tokens, 0) - k.cached_in) AS BIGINT) AS cost_in,
  CAST(sum(k.cached_in) AS BIGINT) AS cost_cached,
  CAST(sum(coalesce(k.output_tokens, 0) - k.reasoning_out) AS BIGINT) AS cost_out,
  CAST(sum(k.reasoning_out) AS BIGINT) AS cost_reasoning
FROM {{text_rollup_input}} t
LEFT JOIN (
  -- Each turn's tokens (request_tokens, the same hours), with cached input and reasoning output
  -- capped at their totals as pricing_rows caps them.
  SELECT rt.endpoint_name, rt.databricks_request_id, rt.request_time, rt.input_tokens, rt.output_tokens,
    least(coalesce(rt.cached_input_tokens, 0), coalesce(rt.input_tokens, 0)) AS cached_in,
    least(coalesce(rt.reasoning_tokens, 0), coalesce(rt.output_tokens, 0)) AS reasoning_out
  FROM {{token_rollup_input}} rt
) k ON k.databricks_request_id = t.databricks_request_id AND k.request_time = t.request_time AND k.endpoint_name = t.endpoint_name
WHERE t.thread_id IS NOT NULL
GROUP BY {{rollup_hour(t.request_time)}}, CAST(date_trunc('hour', t.request_time) AS DATE), t.endpoint_name, t.served_entity_id, t.status_code, t.requester, t.thread_id
