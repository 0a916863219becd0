-- payload_turns(f): step 7 (after payload_messages): the request's messages (a chat's, or its
-- Responses items as messages) and the output's (a Responses output's items as messages; a
-- stream without finished items, its text deltas joined per item); a custom model's row texts
-- (its question column, else its fields) and first question.
CASE @f.rq_kind
  WHEN 'chat' THEN @f.rq_chat_msgs
  WHEN 'responses-api' THEN slice(@f.item_msgs, 1, @f.nq_items)
  WHEN 'responses-agent' THEN slice(@f.item_msgs, 1, @f.nq_items)
END AS rq_msgs,
CASE WHEN @f.rs_shape = 'responses'
  THEN get(transform(transform(sequence(1, 1), pu_one -> slice(@f.item_msgs, @f.nq_items + 1, greatest(size(@f.item_msgs) - @f.nq_items, 0))),
    pu_ms -> CASE WHEN size(filter(pu_ms, pu_m -> pu_m IS NOT NULL)) > 0 THEN pu_ms
      ELSE transform(filter(transform({{ordered_distinct(@f.rs_text_delta_ids)}}, pu_id -> array_join(transform(filter(@f.rs_chunks,
          pu_c -> get_json_object(pu_c, '$.type') = 'response.output_text.delta' AND coalesce(get_json_object(pu_c, '$.item_id'), '') = pu_id),
          pu_c -> get_json_object(pu_c, '$.delta')), '')), pu_t -> pu_t <> ''), pu_t -> {{text_message(assistant, pu_t)}}) END), 0)
  ELSE @f.rs_msgs0
END AS rs_msgs,
transform(filter(sequence(0, greatest(size(@f.cm_questions), 1) - 1), pu_k -> pu_k < size(@f.cm_questions)),
  pu_k -> coalesce(get(@f.cm_questions, pu_k), get(@f.cm_row_texts, pu_k))) AS cm_texts,
CASE WHEN @f.rq_kind = 'custom-model' THEN get(@f.cm_questions, 0) ELSE @f.rq_question0 END AS rq_question1
