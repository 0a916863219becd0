-- prediction_text(r): the answer in one prediction r of a custom model (lib/payload
-- predictionAnswer): a string, number or boolean as text; an object's first string among answer,
-- output, result, response, content, text, generated_text, prediction, summary (answer_in), else
-- the text of its choices[0].message, else its choices[0].text; NULL when it holds none.
CASE
  WHEN NOT {{json_is_object(@r)}} THEN CASE WHEN json_array_length(@r) IS NULL THEN @r END
  ELSE coalesce(
    get(transform(transform(sequence(1, 1), pt_one -> transform(split('answer,output,result,response,content,text,generated_text,prediction,summary', ','), pt_k -> get_json_object(@r, concat('$.', pt_k)))), pt_vs -> {{answer_in(pt_vs)}}), 0),
    CASE WHEN get_json_object(@r, '$.choices[0].message') LIKE '{%'
      THEN get(transform(transform(sequence(1, 1), pt_one -> get_json_object(@r, '$.choices[0].message')), pt_m -> {{content_text(pt_m, content)}}), 0)
      ELSE get_json_object(@r, '$.choices[0].text') END)
END
