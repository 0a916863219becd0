-- bin_percentiles(r): p50_ms, p95_ms and p99_ms of latency histogram rows r, aggregated per group. Each row is a
-- ~2% bin (latency_bin) with its count n, smallest lo and largest hi, cum the group's rows up to and including
-- the bin, and total the group's rows. The q-th percentile is the k-th smallest value, k = ceil(q × total): the
-- bin holding it, and a place between lo and hi by its rank inside the bin. Exact where the bin holds one or two
-- values (or equal ones); elsewhere within the bin, about 2% of the value. Both engines and every plan (rows or
-- merged hourly bins) give the same figure.
max(CASE WHEN @r.cum >= ceil(0.5 * CAST(@r.total AS DOUBLE)) AND @r.cum - @r.n < ceil(0.5 * CAST(@r.total AS DOUBLE))
  THEN @r.lo + CAST(@r.hi - @r.lo AS DOUBLE) * (ceil(0.5 * CAST(@r.total AS DOUBLE)) - (@r.cum - @r.n) - 1) / greatest(@r.n - 1, 1) END) AS p50_ms,
max(CASE WHEN @r.cum >= ceil(0.95 * CAST(@r.total AS DOUBLE)) AND @r.cum - @r.n < ceil(0.95 * CAST(@r.total AS DOUBLE))
  THEN @r.lo + CAST(@r.hi - @r.lo AS DOUBLE) * (ceil(0.95 * CAST(@r.total AS DOUBLE)) - (@r.cum - @r.n) - 1) / greatest(@r.n - 1, 1) END) AS p95_ms,
max(CASE WHEN @r.cum >= ceil(0.99 * CAST(@r.total AS DOUBLE)) AND @r.cum - @r.n < ceil(0.99 * CAST(@r.total AS DOUBLE))
  THEN @r.lo + CAST(@r.hi - @r.lo AS DOUBLE) * (ceil(0.99 * CAST(@r.total AS DOUBLE)) - (@r.cum - @r.n) - 1) / greatest(@r.n - 1, 1) END) AS p99_ms
