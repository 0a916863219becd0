-- top_n_rank(rank): the rank, or :top_n + 1 for every value summed into '(other)'.
CASE WHEN :top_n > 0 AND @rank > :top_n THEN CAST(:top_n AS BIGINT) + 1 ELSE @rank END
