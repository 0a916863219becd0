-- Token groups to price: every hourly group with no context value, and when the finance
-- dimension is a usage_context key, the groups carrying that key moved to their value (added
-- with it, subtracted without it); what remains without the key is "(not set)".
SELECT
  g.hour_date, g.endpoint_name, g.served_entity_id, g.requester, g.status_code, g.token_source, g.input_null, g.output_null,
  g.context_value,
  sum(g.row_count) AS row_count, sum(g.weight_sum) AS weight_sum, sum(g.w_input) AS w_input, sum(g.w_output) AS w_output,
  sum(g.w_cost_in) AS w_cost_in, sum(g.w_cost_cached) AS w_cost_cached, sum(g.w_cost_out) AS w_cost_out, sum(g.w_cost_reasoning) AS w_cost_reasoning
FROM (
  SELECT
    t.hour_date, t.endpoint_name, t.served_entity_id, t.requester, t.status_code, t.token_source, t.input_null, t.output_null,
    CAST(NULL AS STRING) AS context_value,
    t.row_count, t.weight_sum, t.w_input, t.w_output, t.w_cost_in, t.w_cost_cached, t.w_cost_out, t.w_cost_reasoning
  FROM {{tokens_hourly}} t
  UNION ALL
  SELECT
    c.hour_date, c.endpoint_name, c.served_entity_id, c.requester, c.status_code, c.token_source, c.input_null, c.output_null,
    c.context_value,
    c.row_count, c.weight_sum, c.w_input, c.w_output, c.w_cost_in, c.w_cost_cached, c.w_cost_out, c.w_cost_reasoning
  FROM {{context_token_groups}} c
  WHERE :dimension = 'context'
  UNION ALL
  SELECT
    c.hour_date, c.endpoint_name, c.served_entity_id, c.requester, c.status_code, c.token_source, c.input_null, c.output_null,
    CAST(NULL AS STRING) AS context_value,
    -c.row_count, -c.weight_sum, -c.w_input, -c.w_output, -c.w_cost_in, -c.w_cost_cached, -c.w_cost_out, -c.w_cost_reasoning
  FROM {{context_token_groups}} c
  WHERE :dimension = 'context'
) g
GROUP BY g.hour_date, g.endpoint_name, g.served_entity_id, g.requester, g.status_code, g.token_source, g.input_null, g.output_null, g.context_value
HAVING sum(g.row_count) > 0
