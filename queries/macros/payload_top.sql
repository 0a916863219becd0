-- payload_top(a): step 2 (after payload_json): each top-level value the reading needs, read once
-- and only when its key is there; a server-sent event stream's `data:` lines as a chunk array
-- ([DONE] and lines that are not JSON left out).
CASE WHEN array_contains(@a.rq_keys, 'messages') THEN get_json_object(@a.request, '$.messages') END AS rq_messages,
CASE WHEN array_contains(@a.rq_keys, 'input') THEN get_json_object(@a.request, '$.input') END AS rq_input,
CASE WHEN array_contains(@a.rq_keys, 'prompt') THEN get_json_object(@a.request, '$.prompt') END AS rq_prompt,
CASE WHEN array_contains(@a.rq_keys, 'system') THEN get_json_object(@a.request, '$.system') END AS rq_system,
CASE WHEN array_contains(@a.rq_keys, 'instructions') THEN get_json_object(@a.request, '$.instructions') END AS rq_instructions,
CASE WHEN @a.rs_keys IS NULL AND @a.rs_chunks0 IS NULL
  AND regexp_extract(@a.response, concat('(^|', chr(10), ')[ ', chr(9), chr(13), ']*(data:)'), 2) <> '' THEN
    nullif(concat('[', array_join(filter(transform(transform(
      filter(transform(split(@a.response, chr(10)), pt_l -> {{trimmed_text(pt_l)}}), pt_l -> pt_l LIKE 'data:%'),
      pt_l -> substr(pt_l, 6)), pt_d -> {{trimmed_text(pt_d)}}),
      pt_d -> pt_d <> '[DONE]' AND get_json_object(pt_d, '$') IS NOT NULL), ','), ']'), '[]')
END AS rs_sse,
CASE WHEN array_contains(@a.rs_keys, 'choices') THEN get_json_object(@a.response, '$.choices') END AS rs_choices_json,
CASE WHEN array_contains(@a.rs_keys, 'output') THEN get_json_object(@a.response, '$.output') END AS rs_output,
CASE WHEN array_contains(@a.rs_keys, 'messages') THEN get_json_object(@a.response, '$.messages') END AS rs_messages,
CASE WHEN array_contains(@a.rs_keys, 'object') THEN get_json_object(@a.response, '$.object') END AS rs_object,
CASE WHEN array_contains(@a.rs_keys, 'usage') THEN get_json_object(@a.response, '$.usage') END AS rs_usage0,
CASE WHEN array_contains(@a.rs_keys, 'message') THEN get_json_object(@a.response, '$.message') END AS rs_message,
CASE WHEN array_contains(@a.rs_keys, 'error_code') THEN get_json_object(@a.response, '$.error_code') END AS rs_error_code,
CASE WHEN array_contains(@a.rs_keys, 'databricks_output') THEN get_json_object(@a.response, '$.databricks_output.trace') END AS rs_trace0,
CASE WHEN array_contains(@a.rs_keys, 'data') THEN json_array_length(get_json_object(@a.response, '$.data')) IS NOT NULL ELSE false END AS rs_has_data
