-- thread_key(p, u): the conversation a payload row p (with its endpoint_usage row u) belongs to:
-- usage_context.conversation_id, else the agent request's context.conversation_id, else
-- client_request_id without a trailing turn number (web-ab12-3), else requester + endpoint + day +
-- first user message (clients resend the history each turn). Holds message text: only its md5 leaves SQL.
coalesce(
  'conversation_id:' || @u.usage_context['conversation_id'],
  'context.conversation_id:' || get_json_object(@p.request, '$.context.conversation_id'),
  'client_request_id:' || nullif(regexp_extract(@p.client_request_id, '^(.+)-[0-9]{1,3}$', 1), ''),
  'history:' || @p.endpoint_name || '|' || coalesce(@p.requester, '') || '|' || CAST(@p.request_date AS STRING) || '|' || left(
    CASE WHEN get_json_object(@p.request, '$.messages[0].role') = 'system' THEN get_json_object(@p.request, '$.messages[1].content')
      ELSE coalesce(get_json_object(@p.request, '$.messages[0].content'), get_json_object(@p.request, '$.input[0].content')) END, 500))