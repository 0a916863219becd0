-- top_n_series(rank, value): value while its rank is within :top_n, else '(other)' (:top_n = 0 keeps every value).
CASE WHEN :top_n > 0 AND @rank > :top_n THEN '(other)' ELSE @value END
