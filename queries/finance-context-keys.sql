-- usage_context keys present in the window, weighted requests carrying each (with a value), and
-- how many values. Keys come from endpoint_usage when it is readable, else from the request
-- bodies. Read from the hourly per-key token groups: the rollup table for the whole hours when
-- it answers, else computed from the requests (queries/relations/context_tokens_hourly*.sql).
SELECT
  g.context_key,
  sum(g.weight_sum) AS requests,
  count(DISTINCT g.context_value) AS distinct_values
FROM {{context_tokens_hourly}} g
GROUP BY g.context_key
ORDER BY requests DESC, g.context_key
