-- Distribution of execution_duration_ms for successful requests, in bins a quarter of a decade
-- wide (1, 1.8, 3.2, 5.6, 10 ms…), sampling-weighted; a long tail stays readable.
WITH filtered AS (
  SELECT
    CAST(floor(4 * log10(greatest(p.execution_duration_ms, 1))) AS INT) AS bin,
    -- The requests a logged row stands for: latency is known for logged requests only.
    p.sample_weight AS weight
  FROM {{requests}} p
  WHERE {{filters(p)}}
    AND p.status_code < 400
    AND p.execution_duration_ms IS NOT NULL
)
SELECT
  bin,
  power(10, bin / 4.0) AS lower_ms,
  power(10, (bin + 1) / 4.0) AS upper_ms,
  sum(weight) AS requests,
  count(*) AS sampled_rows
FROM filtered
GROUP BY bin
ORDER BY bin
