-- entry_text(e): the text one streamed choice entry e adds to its choice: its text, then its
-- delta's content (a string, or the texts of its parts).
concat(coalesce(get_json_object(@e, '$.text'), ''),
  CASE WHEN json_array_length(get_json_object(@e, '$.delta.content')) IS NOT NULL
    THEN coalesce(array_join(transform({{json_field_items(@e, delta.content)}}, et_p -> {{part_text(et_p)}}), ''), '')
    ELSE coalesce(get_json_object(@e, '$.delta.content'), '') END)
