-- role_name(r): a message's role r as lib/payload reads it: system, developer, user, assistant,
-- tool ('function' too); Gemini's 'model' is the assistant; anything else is 'other'.
CASE @r
  WHEN 'system' THEN 'system' WHEN 'developer' THEN 'developer' WHEN 'user' THEN 'user'
  WHEN 'assistant' THEN 'assistant' WHEN 'model' THEN 'assistant'
  WHEN 'tool' THEN 'tool' WHEN 'function' THEN 'tool'
  ELSE 'other'
END
