-- message_tool_text(m): the names and arguments of the tool calls of message m (message_tool_names),
-- concatenated: what a tokenizer reads of them; '' when there are none.
concat(
  coalesce(array_join(transform({{json_field_items(@m, content)}},
    mc_p -> CASE WHEN {{json_is_object(mc_p)}} AND get_json_object(mc_p, '$.type') IN ('tool_use', 'function_call')
      THEN concat(coalesce(get_json_object(mc_p, '$.name'), '(unnamed)'), coalesce(get_json_object(mc_p, '$.input'), get_json_object(mc_p, '$.arguments'), '')) END), ''), ''),
  coalesce(array_join(transform({{json_field_items(@m, tool_calls)}},
    mc_c -> CASE WHEN {{json_is_object(mc_c)}} THEN concat(coalesce(get_json_object(mc_c, '$.function.name'), get_json_object(mc_c, '$.name'), '(unnamed)'),
      coalesce(get_json_object(mc_c, '$.function.arguments'), get_json_object(mc_c, '$.arguments'), '')) END), ''), ''),
  CASE WHEN get_json_object(@m, '$.function_call') LIKE '{%'
    THEN concat(coalesce(get_json_object(@m, '$.function_call.name'), '(unnamed)'), coalesce(get_json_object(@m, '$.function_call.arguments'), '')) ELSE '' END)
