-- content_text(o, key): the text of the message content at $.key of o (lib/payload turnText): a
-- string as it is; a list of parts, their texts (part_text) joined by newlines. Content that is a
-- JSON object reads as its JSON text (lib/payload shows it as a part it does not read).
coalesce(array_join(transform({{json_field_items(@o, @key)}}, ct_p -> {{part_text(ct_p)}}), chr(10)), get_json_object(@o, '$.@key'))
