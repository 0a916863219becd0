-- latency_bin(ms): the ~2%-wide log bin of a duration in milliseconds; -1 holds 0 ms.
CASE WHEN @ms < 1 THEN -1 ELSE CAST(floor(ln(CAST(@ms AS DOUBLE)) * 50) AS BIGINT) END
