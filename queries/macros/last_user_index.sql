-- last_user_index(c): the index in c.history (a request's messages or input, c.n_hist long) of the
-- last user message, looked for among the last four turns (a tool result or an answer may follow
-- it); NULL when none of them is the user's.
CASE
  WHEN @c.n_hist >= 1 AND get_json_object(@c.history, '$[' || CAST(@c.n_hist - 1 AS STRING) || '].role') = 'user' THEN @c.n_hist - 1
  WHEN @c.n_hist >= 2 AND get_json_object(@c.history, '$[' || CAST(@c.n_hist - 2 AS STRING) || '].role') = 'user' THEN @c.n_hist - 2
  WHEN @c.n_hist >= 3 AND get_json_object(@c.history, '$[' || CAST(@c.n_hist - 3 AS STRING) || '].role') = 'user' THEN @c.n_hist - 3
  WHEN @c.n_hist >= 4 AND get_json_object(@c.history, '$[' || CAST(@c.n_hist - 4 AS STRING) || '].role') = 'user' THEN @c.n_hist - 4
END
