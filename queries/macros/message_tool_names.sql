-- message_tool_names(m): the tools message m calls, in order — tool_use / function_call content
-- parts, then tool_calls[] (function.name, else name), then a legacy function_call — joined by
-- chr(31); '(unnamed)' for a call without a name; NULL when it calls none ("tool_calls": null is none).
nullif(concat_ws(chr(31),
  nullif(array_join(transform({{json_field_items(@m, content)}},
    mt_p -> CASE WHEN {{json_is_object(mt_p)}} AND get_json_object(mt_p, '$.type') IN ('tool_use', 'function_call') THEN coalesce(get_json_object(mt_p, '$.name'), '(unnamed)') END), chr(31)), ''),
  nullif(array_join(transform({{json_field_items(@m, tool_calls)}},
    mt_c -> CASE WHEN {{json_is_object(mt_c)}} THEN coalesce(get_json_object(mt_c, '$.function.name'), get_json_object(mt_c, '$.name'), '(unnamed)') END), chr(31)), ''),
  CASE WHEN get_json_object(@m, '$.function_call') LIKE '{%' THEN coalesce(get_json_object(@m, '$.function_call.name'), '(unnamed)') END), '')
