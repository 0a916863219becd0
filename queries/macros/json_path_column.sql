-- json_path_column(k, x): the inspector's extraction column x (x1, x2 or x3) of row k: the value at
-- :x_path in k.x_doc, or, with :x_from_end, the element that many from the end of the array at
-- :x_path followed by :x_suffix (Databricks paths have no negative index).
CASE
  WHEN :@x_path IS NULL THEN NULL
  WHEN :@x_from_end IS NULL THEN get_json_object(@k.@x_doc, :@x_path)
  WHEN json_array_length(get_json_object(@k.@x_doc, :@x_path)) >= :@x_from_end THEN get_json_object(@k.@x_doc,
    :@x_path || '[' || CAST(json_array_length(get_json_object(@k.@x_doc, :@x_path)) - :@x_from_end AS STRING) || ']' || :@x_suffix)
END
