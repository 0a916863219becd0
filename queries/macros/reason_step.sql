-- reason_step(v): one step down into an error's words (lib/payload reasonOf): v is a JSON object →
-- its reason_value; a JSON array → its first item; a JSON string literal → the string; NULL when
-- v is plain text (the words themselves). Strings holding JSON are read as that JSON.
CASE
  WHEN {{json_is_object(@v)}} THEN {{reason_value(@v)}}
  WHEN json_array_length(@v) IS NOT NULL THEN get_json_object(@v, '$[0]')
  WHEN @v LIKE '"%' THEN get_json_object(@v, '$')
END
