-- entry_reasoning(e): the reasoning one streamed choice entry e adds: its delta's
-- reasoning_content, then the words of its reasoning content parts.
concat(coalesce(get_json_object(@e, '$.delta.reasoning_content'), ''),
  CASE WHEN json_array_length(get_json_object(@e, '$.delta.content')) IS NOT NULL
    THEN coalesce(array_join(transform({{json_field_items(@e, delta.content)}}, er_p -> CASE WHEN {{json_is_object(er_p)}}
      AND get_json_object(er_p, '$.type') IN ('reasoning', 'thinking', 'reasoning_text', 'redacted_thinking') THEN coalesce({{reasoning_part_text(er_p)}}, '') END), ''), '')
    ELSE '' END)
