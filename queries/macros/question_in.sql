-- question_in(vs): the question among vs, the values of a row's columns question, query, prompt,
-- input, text, user_input, content, message in that order: the first that is a string, or a list
-- starting with a string (that string); NULL when none is.
get(filter(transform(@vs, qi_v -> CASE
  WHEN {{json_is_text(qi_v)}} THEN qi_v
  ELSE get(filter(slice(from_json(qi_v, 'array<string>'), 1, 1), qi_f -> {{json_is_text(qi_f)}}), 0)
END), qi_t -> qi_t IS NOT NULL), 0)
