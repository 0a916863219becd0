-- token_bin(n): the ~2%-wide log bin of a token count, as latency_bin bins durations: -1 holds 0
-- tokens, NULL an unknown count.
CASE WHEN @n IS NULL THEN NULL WHEN @n < 1 THEN -1 ELSE CAST(floor(ln(CAST(@n AS DOUBLE)) * 50) AS BIGINT) END
