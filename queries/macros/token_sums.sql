-- token_sums(b): the sums an hourly token group keeps over per-request rows b (token_rollup_rows).
count(*) AS row_count,
sum(@b.weight) AS weight_sum,
sum(@b.weight * @b.input_tokens) AS w_input,
sum(@b.weight * @b.output_tokens) AS w_output,
sum(@b.weight * (coalesce(@b.input_tokens, 0) - @b.cached_in)) AS w_cost_in,
sum(@b.weight * @b.cached_in) AS w_cost_cached,
sum(@b.weight * (coalesce(@b.output_tokens, 0) - @b.reasoning_out)) AS w_cost_out,
sum(@b.weight * @b.reasoning_out) AS w_cost_reasoning
