-- p50/p95/p99 of execution_duration_ms per time bucket and series, over successful requests,
-- computed from the rows themselves (never percentiles of percentiles). Output tokens per second
-- uses the output tokens endpoint_usage counted, else those the response reports (request facts).
WITH filtered AS (
  SELECT
    {{time_bucket(p.request_time)}} AS bucket,
    {{series(p, se)}} AS series,
    p.execution_duration_ms,
    CAST(coalesce(p.usage_out, p.tokens_out) AS DOUBLE) AS output_tokens
  FROM {{requests}} p
  LEFT JOIN {{served_entities_latest}} se ON se.served_entity_id = p.served_entity_id
  WHERE {{filters(p)}}
    AND p.status_code < 400
    AND p.execution_duration_ms IS NOT NULL
)
SELECT
  bucket,
  series,
  count(*) AS sampled_rows,
  percentile_approx(execution_duration_ms, 0.5) AS p50_ms,
  percentile_approx(execution_duration_ms, 0.95) AS p95_ms,
  percentile_approx(execution_duration_ms, 0.99) AS p99_ms,
  percentile_approx(CASE WHEN output_tokens > 0 AND execution_duration_ms > 0
    THEN output_tokens * 1000.0 / nullif(execution_duration_ms, 0) END, 0.5) AS p50_output_tokens_per_s
FROM filtered
GROUP BY bucket, series
ORDER BY bucket, series
