-- entity_rows(counts, bins): the rows of compare-entities from its two relations, whichever plan made them: counts per
-- endpoint_name and group_key (requests, logged and observed rows, errors, blocks, token sums of successful requests and
-- the rows reporting them, usage rows) and latency bins of the same keys (bin, n, lo, hi, output_tokens, output_ms).
-- Percentiles are read from the merged ~2% bins (bin_percentiles), means and throughput are ratios of sums.
SELECT
  c.endpoint_name,
  c.group_key,
  se.served_entity_name,
  se.entity_name,
  se.entity_type,
  c.served_entities,
  c.requests,
  c.sampled_rows,
  c.observed_rows,
  c.error_rows,
  c.server_error_rows,
  c.blocked_rows,
  coalesce(l.latency_rows, 0) AS latency_rows,
  l.p50_ms,
  l.p95_ms,
  l.p99_ms,
  CAST(c.ok_input_tokens AS DOUBLE) / nullif(c.ok_input_rows, 0) AS mean_input_tokens,
  CAST(c.ok_output_tokens AS DOUBLE) / nullif(c.ok_output_rows, 0) AS mean_output_tokens,
  1000.0 * l.output_tokens / nullif(l.output_ms, 0) AS output_tokens_per_second,
  c.usage_rows
FROM @counts c
LEFT JOIN (
  SELECT r.endpoint_name, r.group_key, sum(r.n) AS latency_rows, sum(r.output_tokens) AS output_tokens, sum(r.output_ms) AS output_ms, {{bin_percentiles(r)}}
  FROM (
    SELECT b.*,
      sum(b.n) OVER (PARTITION BY b.endpoint_name, b.group_key ORDER BY b.bin ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS cum,
      sum(b.n) OVER (PARTITION BY b.endpoint_name, b.group_key) AS total
    FROM @bins b
  ) r
  GROUP BY r.endpoint_name, r.group_key
) l ON l.endpoint_name = c.endpoint_name AND l.group_key = c.group_key
-- Names for served entities; a usage_context group has none.
LEFT JOIN {{served_entities_latest}} se ON :group_by <> 'context' AND se.served_entity_id = c.group_key
ORDER BY c.endpoint_name, c.requests DESC, c.group_key
