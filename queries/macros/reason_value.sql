-- reason_value(v): the value that carries the words of the error object v: the first non-empty of
-- its keys external_model_error, external_model_message, message, error, detail, error_message,
-- msg, Message, reason (a provider's own message before the wrapper's).
coalesce(nullif(get_json_object(@v, '$.external_model_error'), ''),
  nullif(get_json_object(@v, '$.external_model_message'), ''),
  nullif(get_json_object(@v, '$.message'), ''),
  nullif(get_json_object(@v, '$.error'), ''),
  nullif(get_json_object(@v, '$.detail'), ''),
  nullif(get_json_object(@v, '$.error_message'), ''),
  nullif(get_json_object(@v, '$.msg'), ''),
  nullif(get_json_object(@v, '$.Message'), ''),
  nullif(get_json_object(@v, '$.reason'), ''))
