-- dict_rows(d): the rows of the dict of columns d, each as its values in the order of
-- json_object_keys(d) (a row is as long as the longest column).
transform(filter(sequence(0, greatest(array_max(transform(json_object_keys(@d), dr_k -> json_array_length(get_json_object(@d, concat('$.', dr_k))))), 1) - 1),
    dr_i -> dr_i < array_max(transform(json_object_keys(@d), dr_k -> json_array_length(get_json_object(@d, concat('$.', dr_k)))))),
  dr_i -> transform(json_object_keys(@d), dr_k -> get_json_object(@d, concat('$.', dr_k, '[', CAST(dr_i AS STRING), ']'))))
