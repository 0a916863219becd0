-- Hourly token groups (token_groups) in the shape priced_requests prices one request: weight is
-- the group's summed weight and the token columns are weighted means, so sum(weight * x) and
-- sum(row_count) give the same totals as over single requests. Prices depend only on the served
-- entity and the day, so pricing a group is exact.
SELECT
  g.hour_date AS request_date, g.endpoint_name, g.served_entity_id, g.requester, g.status_code, g.token_source,
  g.context_value, g.row_count, g.weight_sum AS weight,
  g.w_input / nullif(g.weight_sum, 0) AS input_tokens,
  g.w_output / nullif(g.weight_sum, 0) AS output_tokens,
  g.w_cost_in / nullif(g.weight_sum, 0) AS cost_in,
  g.w_cost_cached / nullif(g.weight_sum, 0) AS cost_cached,
  g.w_cost_out / nullif(g.weight_sum, 0) AS cost_out,
  g.w_cost_reasoning / nullif(g.weight_sum, 0) AS cost_reasoning
FROM {{token_groups}} g
