-- message_text(c, idx): the text of message idx of c.history: its first text part, else its string content.
coalesce(
  nullif(get_json_object(@c.history, '$[' || CAST(@idx AS STRING) || '].content[0].text'), ''),
  nullif(get_json_object(@c.history, '$[' || CAST(@idx AS STRING) || '].content'), ''))
