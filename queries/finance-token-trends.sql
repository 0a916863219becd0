-- Tokens per successful request per UTC day: weighted average and p95 of input and output tokens,
-- for the top N values of the chosen dimension (by requests) plus "(other)". Percentiles are
-- computed over each group's own rows, never from other percentiles.
WITH kept AS (
  -- Read twice below (ranking, then the days): only the columns they need are kept.
  SELECT r.request_date, r.dim_value, r.weight, r.input_tokens, r.output_tokens
  FROM {{finance_rows}} r
  WHERE r.status_code < 400
    AND r.token_source <> 'unknown'
),
ranked AS (
  SELECT dim_value, row_number() OVER (ORDER BY sum(weight) DESC, dim_value) AS value_rank
  FROM kept
  GROUP BY dim_value
),
labelled AS (
  SELECT
    k.*,
    {{top_n_series(v.value_rank, k.dim_value)}} AS series,
    {{top_n_rank(v.value_rank)}} AS series_rank
  FROM kept k
  JOIN ranked v ON v.dim_value = k.dim_value
)
SELECT
  CAST(request_date AS STRING) AS day,
  series,
  min(series_rank) AS series_rank,
  sum(weight) AS requests,
  count(*) AS sampled_rows,
  sum(weight * input_tokens) / nullif(sum(CASE WHEN input_tokens IS NOT NULL THEN weight END), 0) AS avg_input_tokens,
  percentile_approx(input_tokens, 0.95) AS p95_input_tokens,
  sum(weight * output_tokens) / nullif(sum(CASE WHEN output_tokens IS NOT NULL THEN weight END), 0) AS avg_output_tokens,
  percentile_approx(output_tokens, 0.95) AS p95_output_tokens
FROM labelled
GROUP BY CAST(request_date AS STRING), series
ORDER BY day, series_rank
