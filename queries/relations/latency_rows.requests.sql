-- Latency histogram rows of successful requests for the window, one per request (no rollup table
-- answers it): the same columns as the rollup's, with n = 1 and lo = hi = its duration.
SELECT
  p.request_time AS t, p.endpoint_name, p.served_entity_id, p.status_code,
  {{latency_bin(p.execution_duration_ms)}} AS bin,
  1 AS n, p.execution_duration_ms AS lo, p.execution_duration_ms AS hi,
  CASE WHEN p.execution_duration_ms > 0 AND coalesce(p.usage_out, p.tokens_out) > 0 THEN coalesce(p.usage_out, p.tokens_out) END AS output_tokens,
  CASE WHEN p.execution_duration_ms > 0 AND coalesce(p.usage_out, p.tokens_out) > 0 THEN p.execution_duration_ms END AS output_ms
FROM {{requests}} p
WHERE {{filters(p)}}
  AND p.status_code < 400
  AND p.execution_duration_ms IS NOT NULL
