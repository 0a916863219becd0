-- Values of one usage_context key (:context_key) in the window, busiest first, from the hourly
-- token groups (gateway_lens_context_tokens_hourly keeps every request under each key it carries,
-- read as finance reads a key): the filter bar's choices.
SELECT g.context_value AS value, sum(g.weight_sum) AS requests
FROM {{context_tokens_hourly}} g
WHERE g.context_key = :context_key
GROUP BY g.context_value
ORDER BY requests DESC, value
LIMIT 200
