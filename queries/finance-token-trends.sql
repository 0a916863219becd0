-- Tokens per successful request per UTC day: weighted average and p95 of input and output tokens,
-- for the top N values of the chosen dimension (by requests) plus "(other)". The p95 is read from
-- the merged ~2% token bins of each day and series (exact where a bin holds one or two counts,
-- else within its bin), never from other percentiles; the hourly rollup and the requests give the
-- same figure. For a usage_context dimension, requests without the key are "(not set)": every
-- request's bins less those of the requests carrying it (a bin keeps the smallest and largest
-- count of all its requests).
WITH daily AS (
  -- The hourly bins merged per UTC day, keeping only the columns the dimension reads (the others
  -- NULL, so they merge too): what is named and priced below is a fraction of the hourly rows.
  SELECT
    b.hour_date AS request_date,
    CASE WHEN :dimension = 'endpoint' THEN b.endpoint_name END AS endpoint_name,
    CASE WHEN :dimension IN ('served_entity', 'model') THEN b.served_entity_id END AS served_entity_id,
    CASE WHEN :dimension = 'requester' THEN b.requester END AS requester,
    b.context_key, b.context_value, b.measure, b.bin,
    sum(b.row_count) AS row_count, sum(b.weight_sum) AS weight_sum, sum(b.w_tokens) AS w_tokens,
    min(b.min_tokens) AS min_tokens, max(b.max_tokens) AS max_tokens
  FROM {{token_bins}} b
  GROUP BY b.hour_date,
    CASE WHEN :dimension = 'endpoint' THEN b.endpoint_name END,
    CASE WHEN :dimension IN ('served_entity', 'model') THEN b.served_entity_id END,
    CASE WHEN :dimension = 'requester' THEN b.requester END,
    b.context_key, b.context_value, b.measure, b.bin
),
named AS (
  SELECT d.*, {{price_columns()}}
  FROM daily d
  {{price_joins(d)}}
),
signed AS (
  -- Every request under its value (context_value NULL: "(not set)" for a usage_context key), the
  -- keyed requests under theirs, and the same taken back from "(not set)".
  SELECT n.request_date, {{dimension_value(n)}} AS dim_value, n.measure, n.bin, n.row_count, n.weight_sum, n.w_tokens, n.min_tokens, n.max_tokens
  FROM named n
  UNION ALL
  SELECT n.request_date, '(not set)', n.measure, n.bin, -n.row_count, -n.weight_sum, -n.w_tokens, n.min_tokens, n.max_tokens
  FROM named n
  WHERE n.context_key IS NOT NULL
),
ranked AS (
  SELECT dim_value, row_number() OVER (ORDER BY sum(weight_sum) DESC, dim_value) AS value_rank
  FROM signed
  WHERE measure = 'input'
  GROUP BY dim_value
  HAVING sum(row_count) > 0
),
bins AS (
  SELECT
    s.request_date,
    {{top_n_series(v.value_rank, s.dim_value)}} AS series,
    min({{top_n_rank(v.value_rank)}}) AS series_rank,
    s.measure, s.bin,
    sum(s.row_count) AS n, sum(s.weight_sum) AS weight_sum, sum(s.w_tokens) AS w_tokens,
    min(s.min_tokens) AS lo, max(s.max_tokens) AS hi
  FROM signed s
  JOIN ranked v ON v.dim_value = s.dim_value
  GROUP BY s.request_date, {{top_n_series(v.value_rank, s.dim_value)}}, s.measure, s.bin
  HAVING sum(s.row_count) > 0
),
measured AS (
  -- Per day, series and measure: requests (bins of unknown counts included), the weighted mean
  -- and the p95 of the known counts.
  SELECT r.request_date, r.series, min(r.series_rank) AS series_rank, r.measure,
    sum(r.weight_sum) AS requests, sum(r.n) AS sampled_rows,
    sum(CASE WHEN r.bin IS NOT NULL THEN r.w_tokens END) / nullif(sum(CASE WHEN r.bin IS NOT NULL THEN r.weight_sum END), 0) AS avg_tokens,
    {{bin_percentiles(r)}}
  FROM (
    SELECT b.*,
      sum(b.n) OVER (PARTITION BY b.request_date, b.series, b.measure, b.bin IS NULL ORDER BY b.bin ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS cum,
      sum(b.n) OVER (PARTITION BY b.request_date, b.series, b.measure, b.bin IS NULL) AS total
    FROM bins b
  ) r
  GROUP BY r.request_date, r.series, r.measure
)
SELECT
  CAST(i.request_date AS STRING) AS day,
  i.series,
  i.series_rank,
  i.requests,
  i.sampled_rows,
  i.avg_tokens AS avg_input_tokens,
  i.p95_ms AS p95_input_tokens,
  o.avg_tokens AS avg_output_tokens,
  o.p95_ms AS p95_output_tokens
FROM measured i
JOIN measured o ON o.request_date = i.request_date AND o.series = i.series AND o.measure = 'output'
WHERE i.measure = 'input'
ORDER BY day, i.series_rank
