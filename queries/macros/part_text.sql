-- part_text(x): the words a person reads in one content part x (lib/payload readContent): a
-- string part; the text of a text / input_text / output_text part; a refusal. NULL for reasoning,
-- tool calls, tool results, images and other parts, and for empty text.
CASE
  WHEN NOT {{json_is_object(@x)}} THEN nullif(@x, '')
  WHEN get_json_object(@x, '$.type') IN ('reasoning', 'thinking', 'reasoning_text', 'redacted_thinking', 'tool_use', 'function_call', 'tool_result') THEN NULL
  WHEN get_json_object(@x, '$.type') = 'refusal' AND get_json_object(@x, '$.refusal') IS NOT NULL THEN nullif(get_json_object(@x, '$.refusal'), '')
  ELSE nullif(get_json_object(@x, '$.text'), '')
END
