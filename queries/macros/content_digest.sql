-- content_digest(t, s): from the digest s of t (message_digest), each message's text
-- (content_value_text), the text and reasoning of the tool results it carries, and whether it
-- only carries tool results (a tool turn, not one of its role): s_text, s_results, s_results_only.
transform(@t.@s_content, cd_c -> {{content_value_text(cd_c)}}) AS @s_text,
transform(@t.@s_content, cd_c -> CASE WHEN instr(cd_c, 'tool_result') > 0 THEN coalesce(array_join(transform(from_json(cd_c, 'array<string>'),
  cd_p -> CASE WHEN {{json_is_object(cd_p)}} AND get_json_object(cd_p, '$.type') = 'tool_result'
    THEN concat(coalesce({{content_text(cd_p, content)}}, ''), coalesce({{content_reasoning(cd_p, content)}}, '')) END), ''), '') END) AS @s_results,
transform(filter(sequence(0, greatest(size(@t.@s_content), 1) - 1), cd_k -> cd_k < size(@t.@s_content)),
  cd_k -> CASE WHEN instr(get(@t.@s_content, cd_k), 'tool_result') > 0
    THEN get(transform(slice(@t.m_msgs, cd_k + 1, 1), cd_m -> {{message_results_only(cd_m)}}), 0) ELSE false END) AS @s_results_only
