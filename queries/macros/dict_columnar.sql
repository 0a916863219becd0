-- dict_columnar(d): the JSON object d is a dict of columns — every value a list — read as rows by
-- position (lib/payload columnsToRows); else it is one row.
coalesce(size(json_object_keys(@d)) > 0
  AND size(filter(json_object_keys(@d), dc_k -> json_array_length(get_json_object(@d, concat('$.', dc_k))) IS NULL)) = 0, false)
