-- Per request, the columns the hourly token rollups group and sum: its hour, dimensions, weight
-- and token counts, with cached input and reasoning output capped at their totals.
SELECT
  date_trunc('hour', rt.request_time) AS hour,
  CAST(date_trunc('hour', rt.request_time) AS DATE) AS hour_date,
  rt.endpoint_name, rt.served_entity_id, rt.requester, rt.status_code, rt.token_source,
  rt.input_tokens IS NULL AS input_null,
  rt.output_tokens IS NULL AS output_null,
  rt.weight, rt.input_tokens, rt.output_tokens,
  least(coalesce(rt.cached_input_tokens, 0), coalesce(rt.input_tokens, 0)) AS cached_in,
  least(coalesce(rt.reasoning_tokens, 0), coalesce(rt.output_tokens, 0)) AS reasoning_out,
  rt.usage_context, rt.body_usage_context_json
FROM {{token_rollup_input}} rt
