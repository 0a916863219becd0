-- row_question(r): the question in one input row r of a custom model (lib/payload rowQuestion):
-- the row itself when it is a string; else its question column (question_in); else the last user
-- message of a messages column.
CASE
  WHEN NOT {{json_is_object(@r)}} THEN CASE WHEN {{json_is_text(@r)}} THEN @r END
  ELSE coalesce(
    get(transform(transform(sequence(1, 1), rq_one -> transform(split('question,query,prompt,input,text,user_input,content,message', ','), rq_k -> get_json_object(@r, concat('$.', rq_k)))), rq_vs -> {{question_in(rq_vs)}}), 0),
    get(transform(transform(sequence(1, 1), rq_one -> get_json_object(@r, '$.messages')), rq_ms -> {{last_user_message(rq_ms)}}), 0))
END
