-- message_reasoning(m): the reasoning of message m: reasoning_content (or reasoning) beside the
-- content, then the reasoning parts of the content, joined by newlines; NULL when none.
nullif(concat_ws(chr(10), nullif(coalesce(get_json_object(@m, '$.reasoning_content'), get_json_object(@m, '$.reasoning')), ''), {{content_reasoning(@m, content)}}), '')
