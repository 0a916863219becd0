-- split_prediction_text(cols, vals): prediction_text of one row of a dict of columns.
get(transform(transform(sequence(1, 1), sp_one -> transform(split('answer,output,result,response,content,text,generated_text,prediction,summary', ','), sp_k -> get(@vals, array_position(@cols, sp_k) - 1))), sp_vs -> {{answer_in(sp_vs)}}), 0)
