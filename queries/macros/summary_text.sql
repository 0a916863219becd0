-- summary_text(o, key): reasoning summaries at $.key of o: a string, or a list of strings and
-- {text} parts whose non-empty texts are joined by newlines.
coalesce(array_join(transform({{json_field_items(@o, @key)}},
    st_x -> nullif(CASE WHEN {{json_is_object(st_x)}} THEN get_json_object(st_x, '$.text') ELSE st_x END, '')), chr(10)),
  get_json_object(@o, '$.@key'))
