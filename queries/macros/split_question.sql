-- split_question(cols, vals): row_question of a custom-model row given as its column names cols and
-- its values vals (a dataframe_split row, or one row of a dict of columns).
coalesce(
  get(transform(transform(sequence(1, 1), sq_one -> transform(split('question,query,prompt,input,text,user_input,content,message', ','), sq_k -> get(@vals, array_position(@cols, sq_k) - 1))), sq_vs -> {{question_in(sq_vs)}}), 0),
  get(transform(transform(sequence(1, 1), sq_one -> get(@vals, array_position(@cols, 'messages') - 1)), sq_ms -> {{last_user_message(sq_ms)}}), 0))
