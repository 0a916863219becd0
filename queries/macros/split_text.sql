-- split_text(cols, vals): row_text of a row given as column names cols and values vals.
array_join(transform(filter(sequence(0, greatest(size(@cols), 1) - 1), sx_k -> sx_k < size(@cols)), sx_k -> CASE
  WHEN get(@vals, sx_k) IS NOT NULL AND NOT get(@vals, sx_k) LIKE '{%' AND json_array_length(get(@vals, sx_k)) IS NULL
  THEN concat(get(@cols, sx_k), ': ', get(@vals, sx_k)) END), chr(10))
