-- turn_summary(t, s): what the messages at positions [s_from, s_to) of t's m_msgs add up to (from
-- message_digest and content_digest): s_search, the text of the user and assistant turns joined by
-- newlines (tool results, system prompts and reasoning left out); s_tokenized, everything a
-- tokenizer reads in them (lib/payload tokenizedChars: text, reasoning and tool calls of every turn
-- with a role, and the tool results carried); s_tool_names, the tools called, in order, joined by chr(31).
array_join(transform(filter(sequence(0, greatest(size(@t.m_role), 1) - 1), ts_k -> ts_k >= @t.@s_from AND ts_k < @t.@s_to),
  ts_k -> CASE WHEN get(@t.m_role, ts_k) IN ('user', 'assistant') AND NOT get(@t.m_results_only, ts_k) THEN nullif(get(@t.m_text, ts_k), '') END), chr(10)) AS @s_search,
coalesce(array_join(transform(filter(sequence(0, greatest(size(@t.m_role), 1) - 1), ts_k -> ts_k >= @t.@s_from AND ts_k < @t.@s_to),
  ts_k -> concat(CASE WHEN get(@t.m_role, ts_k) IS NOT NULL AND get(@t.m_role, ts_k) <> 'none'
      THEN concat(coalesce(get(@t.m_text, ts_k), ''), coalesce(get(@t.m_reasoning, ts_k), ''), coalesce(get(@t.m_tool_text, ts_k), '')) ELSE '' END,
    coalesce(get(@t.m_results, ts_k), ''))), ''), '') AS @s_tokenized,
array_join(slice(@t.m_tools, @t.@s_from + 1, @t.@s_to - @t.@s_from), chr(31)) AS @s_tool_names
