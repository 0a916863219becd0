-- entry_tool_text(e): the fragments of tool-call names and arguments one streamed choice entry e adds.
coalesce(array_join(transform({{json_field_items(@e, delta.tool_calls)}}, eu_t -> CASE WHEN {{json_is_object(eu_t)}}
  THEN concat(coalesce(get_json_object(eu_t, '$.function.name'), ''), coalesce(get_json_object(eu_t, '$.function.arguments'), '')) END), ''), '')
