-- ordered_distinct(a): the array a without repeats, first occurrence first (array_distinct keeps
-- no order on every engine).
CASE WHEN size(@a) > 0 THEN filter(transform(sequence(0, size(@a) - 1), od_k -> CASE WHEN array_position(@a, get(@a, od_k)) = od_k + 1 THEN get(@a, od_k) END), od_x -> od_x IS NOT NULL) ELSE @a END
