-- The token histogram rollup (gateway_lens_token_bins_hourly): input and output tokens of
-- successful requests with a known token source, in ~2%-wide log bins (token_bin) with each bin's
-- smallest and largest count, per hour, endpoint, served entity, requester and status. Every
-- request is counted once with context_key NULL, and once more under each usage_context key it
-- carries with its value (token_rollup_keyed). measure is 'input' or 'output'; bin NULL holds the requests whose count of that measure is
-- unknown (they are requests, not values). A percentile over any hours and groups is read from
-- merged counts, never a percentile of percentiles.
SELECT
  t.hour, t.hour_date, t.endpoint_name, t.served_entity_id, t.requester, t.status_code,
  t.context_key, t.context_value, t.measure,
  {{token_bin(t.tokens)}} AS bin,
  count(*) AS row_count,
  sum(t.weight) AS weight_sum,
  sum(t.weight * t.tokens) AS w_tokens,
  min(t.tokens) AS min_tokens,
  max(t.tokens) AS max_tokens
FROM (
  SELECT k.*, m.measure, CASE WHEN m.measure = 'input' THEN k.input_tokens ELSE k.output_tokens END AS tokens
  FROM (
    SELECT r.hour, r.hour_date, r.endpoint_name, r.served_entity_id, r.requester, r.status_code,
      CAST(NULL AS STRING) AS context_key, CAST(NULL AS STRING) AS context_value,
      r.weight, r.input_tokens, r.output_tokens
    FROM {{token_rollup_rows}} r
    WHERE r.status_code < 400 AND r.token_source <> 'unknown'
    UNION ALL
    SELECT c.hour, c.hour_date, c.endpoint_name, c.served_entity_id, c.requester, c.status_code,
      c.context_key, c.context_value, c.weight, c.input_tokens, c.output_tokens
    FROM {{token_rollup_keyed}} c
    WHERE c.status_code < 400 AND c.token_source <> 'unknown'
  ) k
  CROSS JOIN (SELECT 'input' AS measure UNION ALL SELECT 'output') m
) t
GROUP BY t.hour, t.hour_date, t.endpoint_name, t.served_entity_id, t.requester, t.status_code, t.context_key, t.context_value, t.measure, {{token_bin(t.tokens)}}
