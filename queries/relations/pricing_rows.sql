-- One row per request in the shape priced_requests prices: row_count 1, the :context_key value
-- of the finance dimension, and the four token terms spend is made of (input less cached, cached
-- input, output less reasoning, reasoning).
SELECT
  r.*,
  1 AS row_count,
  coalesce(r.usage_context[:context_key], get_json_object(r.body_usage_context_json, concat('$.', :context_key))) AS context_value,
  coalesce(r.input_tokens, 0) - r.cached_in AS cost_in,
  r.cached_in AS cost_cached,
  coalesce(r.output_tokens, 0) - r.reasoning_out AS cost_out,
  r.reasoning_out AS cost_reasoning
FROM (
  SELECT t.*,
    least(coalesce(t.cached_input_tokens, 0), coalesce(t.input_tokens, 0)) AS cached_in,
    least(coalesce(t.reasoning_tokens, 0), coalesce(t.output_tokens, 0)) AS reasoning_out
  FROM {{request_tokens}} t
) r
