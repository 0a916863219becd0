-- row_text(r): a custom-model input row r without a question column, as text (lib/payload
-- rowText): a string or number as it is; an object's scalar fields as `key: value` lines.
CASE
  WHEN {{json_is_object(@r)}} THEN array_join(transform(json_object_keys(@r), rt_k -> CASE
    WHEN get_json_object(@r, concat('$.', rt_k)) IS NOT NULL AND NOT get_json_object(@r, concat('$.', rt_k)) LIKE '{%' AND json_array_length(get_json_object(@r, concat('$.', rt_k))) IS NULL
    THEN concat(rt_k, ': ', get_json_object(@r, concat('$.', rt_k))) END), chr(10))
  WHEN json_array_length(@r) IS NOT NULL THEN ''
  ELSE coalesce(@r, '')
END
