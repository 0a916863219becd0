-- last_user_message(x): the text of the last user message in x, a JSON list of chat messages (a
-- custom model's messages column); a user message carrying tool results is a tool turn. NULL when
-- there is none or it has no text.
nullif(array_join(transform(slice(filter({{json_items(@x)}}, lu_m -> get_json_object(lu_m, '$.role') = 'user'
    AND coalesce(size(filter({{json_field_items(lu_m, content)}}, lu_p -> get_json_object(lu_p, '$.type') = 'tool_result')), 0) < 1), -1, 1),
  lu_u -> {{content_text(lu_u, content)}}), ''), '')
