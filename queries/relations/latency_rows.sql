-- Latency histogram rows of successful requests for the window, from the hourly latency rollup
-- (its table for the whole hours, computed from requests at the edges): per hour (t), endpoint,
-- served entity and ~2% bin, the count n, the smallest (lo) and largest (hi) duration, and the
-- output tokens and execution time of those that report output tokens.
SELECT
  a.hour AS t, a.endpoint_name, a.served_entity_id, a.status_code, a.bin,
  a.sampled_rows AS n, a.min_ms AS lo, a.max_ms AS hi, a.output_tokens, a.output_ms
FROM {{latency_hourly}} a
