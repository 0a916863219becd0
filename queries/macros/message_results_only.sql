-- message_results_only(m): message m only carries Anthropic tool_result parts — a tool turn, not
-- a turn of its role (lib/payload messageTurns): at least one tool_result part, no other part that
-- shows anything, no tool call and no reasoning beside the content.
coalesce(coalesce(size(filter({{json_field_items(@m, content)}}, mr_p -> {{json_is_object(mr_p)}} AND get_json_object(mr_p, '$.type') = 'tool_result')), 0) > 0
  AND coalesce(size(filter({{json_field_items(@m, content)}}, mr_p -> CASE
    WHEN NOT {{json_is_object(mr_p)}} THEN coalesce(mr_p, '') <> ''
    WHEN get_json_object(mr_p, '$.type') IN ('tool_result', 'tool_use', 'function_call') THEN false
    WHEN get_json_object(mr_p, '$.type') IN ('reasoning', 'thinking', 'reasoning_text', 'redacted_thinking', 'refusal') THEN true
    ELSE coalesce(get_json_object(mr_p, '$.text'), 'x') <> '' END)), 0) < 1
  AND {{message_tool_names(@m)}} IS NULL
  AND coalesce(get_json_object(@m, '$.reasoning_content'), get_json_object(@m, '$.reasoning'), '') = '', false)
