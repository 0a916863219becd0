-- Spend per UTC day, split by the top N values of the chosen dimension (ranked over the whole
-- window) plus "(other)". Weighted by 1 / sampling_fraction; unpriced tokens are kept apart.
WITH per_day AS (
  SELECT
    CAST(request_date AS STRING) AS day,
    dim_value,
    sum(weight * cost) AS cost,
    sum(weight * tokens) AS tokens,
    sum(CASE WHEN price_model IS NULL THEN weight * tokens ELSE 0 END) AS unpriced_tokens,
    sum(weight) AS requests
  FROM {{finance_rows}} r
  GROUP BY CAST(request_date AS STRING), dim_value
),
ranked AS (
  SELECT
    dim_value,
    row_number() OVER (ORDER BY coalesce(sum(cost), 0) DESC, sum(tokens) DESC, dim_value) AS value_rank
  FROM per_day
  GROUP BY dim_value
),
labelled AS (
  SELECT
    d.*,
    {{top_n_series(v.value_rank, d.dim_value)}} AS series,
    {{top_n_rank(v.value_rank)}} AS series_rank
  FROM per_day d
  JOIN ranked v ON v.dim_value = d.dim_value
)
SELECT
  day,
  series,
  min(series_rank) AS series_rank,
  sum(cost) AS cost,
  sum(tokens) AS tokens,
  sum(unpriced_tokens) AS unpriced_tokens,
  sum(requests) AS requests
FROM labelled
GROUP BY day, series
ORDER BY day, series_rank
