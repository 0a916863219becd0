-- text_message_at(o, key): an assistant message whose content is the text at $.key of o.
concat('{"role":"assistant","content":', regexp_extract(to_json(transform(sequence(1, 1), tm_q -> get_json_object(@o, '$.@key'))), '^.(.*).$', 1), '}')
