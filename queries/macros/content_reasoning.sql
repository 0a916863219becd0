-- content_reasoning(o, key): the reasoning parts of the content list at $.key of o, their words
-- joined by newlines; NULL when there are none.
nullif(array_join(transform({{json_field_items(@o, @key)}},
  cr_x -> CASE WHEN {{json_is_object(cr_x)}} AND get_json_object(cr_x, '$.type') IN ('reasoning', 'thinking', 'reasoning_text') THEN {{reasoning_part_text(cr_x)}} END), chr(10)), '')
