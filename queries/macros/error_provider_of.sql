-- error_provider_of(j): the external_model_provider an error body j names, two levels deep
-- through message and error (strings holding JSON decoded), message first (lib/payload providerOf).
coalesce(get_json_object(@j, '$.external_model_provider'),
  get_json_object(get_json_object(@j, '$.message'), '$.external_model_provider'),
  get_json_object(get_json_object(get_json_object(@j, '$.message'), '$.message'), '$.external_model_provider'),
  get_json_object(get_json_object(get_json_object(@j, '$.message'), '$.error'), '$.external_model_provider'),
  get_json_object(get_json_object(@j, '$.error'), '$.external_model_provider'),
  get_json_object(get_json_object(get_json_object(@j, '$.error'), '$.message'), '$.external_model_provider'),
  get_json_object(get_json_object(get_json_object(@j, '$.error'), '$.error'), '$.external_model_provider'))
