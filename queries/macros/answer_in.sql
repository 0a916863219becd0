-- answer_in(vs): the answer among vs, the values of a prediction's keys answer, output, result,
-- response, content, text, generated_text, prediction, summary in that order: the first string.
get(filter(@vs, ai_v -> {{json_is_text(ai_v)}}), 0)
