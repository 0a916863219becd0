-- message_digest(ms, s): what each message of the list ms holds, read once, as lists beside it
-- named s_role, s_content, s_reasoning, s_tools, s_tool_text: its role (role_name; 'none' when
-- it names none; NULL when it is no message), its raw content, its reasoning, the tools it calls
-- (joined by chr(31)) and their names and arguments as a tokenizer reads them. Reasoning and tool
-- calls are only read where their keys appear in the message's text (reading each list costs the
-- embedded engine a lambda per message).
transform(transform(@ms, md_m -> CASE WHEN md_m LIKE '{%' THEN coalesce(get_json_object(md_m, '$.role'), '') END),
  md_r -> CASE WHEN md_r IS NULL THEN NULL WHEN md_r = '' THEN 'none' ELSE {{role_name(md_r)}} END) AS @s_role,
transform(@ms, md_m -> get_json_object(md_m, '$.content')) AS @s_content,
transform(@ms, md_m -> CASE WHEN instr(md_m, '"reasoning') > 0 OR instr(md_m, '"thinking"') > 0 THEN {{message_reasoning(md_m)}} END) AS @s_reasoning,
transform(@ms, md_m -> CASE WHEN instr(md_m, '"tool_calls"') > 0 OR instr(md_m, '"tool_use"') > 0 OR instr(md_m, '"function_call"') > 0
  THEN {{message_tool_names(md_m)}} END) AS @s_tools,
transform(@ms, md_m -> CASE WHEN instr(md_m, '"tool_calls"') > 0 OR instr(md_m, '"tool_use"') > 0 OR instr(md_m, '"function_call"') > 0
  THEN {{message_tool_text(md_m)}} END) AS @s_tool_text
