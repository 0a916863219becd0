-- item_message(x): a Responses / ResponsesAgent item x as the chat message it amounts to
-- (lib/payload itemTurns): a string is the user's; a function_call, an assistant message calling
-- it; a function_call_output, a tool message with its output; a reasoning item, an assistant
-- message whose reasoning is its summary; a message (a role, or type message) is itself, the
-- assistant's when it names no role; any other object a turn without words; NULL when it makes none.
CASE
  WHEN NOT {{json_is_object(@x)}} THEN CASE WHEN {{json_is_text(@x)}} AND @x <> '' THEN {{text_message(user, @x)}} END
  WHEN instr(@x, '"role"') > 0 AND get_json_object(@x, '$.role') IS NOT NULL
    AND NOT coalesce(get_json_object(@x, '$.type') IN ('function_call', 'function_call_output', 'reasoning'), false) THEN @x
  ELSE get(transform(transform(sequence(1, 1), im_one -> get_json_object(@x, '$.type')), im_t -> CASE
    WHEN im_t = 'function_call' THEN concat('{"role":"assistant","tool_calls":[{"function":{"name":',
      regexp_extract(to_json(transform(sequence(1, 1), im_q -> coalesce(get_json_object(@x, '$.name'), '(unnamed)'))), '^.(.*).$', 1), ',"arguments":',
      regexp_extract(to_json(transform(sequence(1, 1), im_q -> coalesce(get_json_object(@x, '$.arguments'), ''))), '^.(.*).$', 1), '}}]}')
    WHEN im_t = 'function_call_output' THEN concat('{"role":"tool","content":',
      regexp_extract(to_json(transform(sequence(1, 1), im_q -> coalesce(get_json_object(@x, '$.output'), ''))), '^.(.*).$', 1), '}')
    WHEN im_t = 'reasoning' THEN concat('{"role":"assistant","reasoning_content":',
      regexp_extract(to_json(transform(sequence(1, 1), im_q -> coalesce(nullif({{summary_text(@x, summary)}}, ''), {{summary_text(@x, content)}}, ''))), '^.(.*).$', 1), '}')
    WHEN im_t = 'message' THEN concat('{"role":"assistant",', substr(@x, 2))
    ELSE '{"role":"other"}' END), 0)
END
