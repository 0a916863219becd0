-- payload_messages(e): step 6 (after payload_shape): the output as chat messages, whatever its
-- shape, each with the choice it answers (rs_msgs0, rs_idx): a chat or completions body's choices
-- (a text choice is an assistant message); a chat stream's choices joined from their chunks (text,
-- reasoning, tool calls by index); a ChatAgent body's messages, or its stream's deltas joined by
-- message id; a custom model's predictions (prediction_text), one answer each; a body that is not
-- JSON, one turn without words. The Responses items of the request and of the output, as messages
-- (item_message), in one list (item_msgs; the request's first, nq_items of them). A custom model's
-- row questions and texts; the question of a request without messages; the guardrail findings.
CASE
  WHEN @e.rs_error THEN NULL
  WHEN @e.rs_json IS NULL THEN CASE WHEN @e.response IS NOT NULL THEN transform(sequence(1, 1), pm_one -> '{}') END
  WHEN @e.rs_shape IN ('chat', 'completions') AND @e.rs_chunks IS NULL THEN transform(@e.rs_choice_items, pm_h -> CASE WHEN {{json_is_object(pm_h)}} THEN CASE
    WHEN get_json_object(pm_h, '$.text') IS NOT NULL THEN {{text_message_at(pm_h, text)}}
    WHEN get_json_object(pm_h, '$.message') LIKE '{%' THEN get_json_object(pm_h, '$.message') END END)
  WHEN @e.rs_shape IN ('chat', 'completions') THEN transform(@e.cs_idx, pm_i -> concat('{"role":"assistant","content":',
    regexp_extract(to_json(transform(sequence(1, 1), pm_q -> array_join(transform(filter(@e.rs_entries, pm_x -> {{entry_index(pm_x)}} = pm_i), pm_x -> {{entry_text(pm_x)}}), ''))), '^.(.*).$', 1),
    ',"reasoning_content":',
    regexp_extract(to_json(transform(sequence(1, 1), pm_q -> array_join(transform(filter(@e.rs_entries, pm_x -> {{entry_index(pm_x)}} = pm_i), pm_x -> {{entry_reasoning(pm_x)}}), ''))), '^.(.*).$', 1),
    ',"tool_calls":[', coalesce(array_join(transform(filter(@e.cs_codes, pm_c -> CAST(floor(pm_c / 100000) AS INT) = pm_i), pm_c -> concat('{"function":{"name":',
      regexp_extract(to_json(transform(sequence(1, 1), pm_q -> coalesce(nullif({{stream_call_part(@e.rs_entries, pm_c, name)}}, ''), '(unnamed)'))), '^.(.*).$', 1), ',"arguments":',
      regexp_extract(to_json(transform(sequence(1, 1), pm_q -> {{stream_call_part(@e.rs_entries, pm_c, arguments)}})), '^.(.*).$', 1), '}}')), ','), ''), ']}'))
  WHEN @e.rs_shape = 'chat-agent' AND @e.rs_chunks IS NULL THEN @e.rs_agent_msgs
  WHEN @e.rs_shape = 'chat-agent' THEN transform({{ordered_distinct(@e.rs_delta_ids)}}, pm_id -> get(transform(transform(sequence(1, 1),
      pm_one -> transform(filter(filter(sequence(0, greatest(size(@e.rs_deltas), 1) - 1), pm_k -> pm_k < size(@e.rs_deltas)), pm_k -> get(@e.rs_delta_ids, pm_k) = pm_id),
        pm_k -> get_json_object(get(@e.rs_deltas, pm_k), '$.delta'))),
    pm_g -> concat('{"role":', regexp_extract(to_json(transform(sequence(1, 1), pm_q -> get(filter(transform(pm_g, pm_d -> get_json_object(pm_d, '$.role')), pm_r -> pm_r IS NOT NULL), 0))), '^.(.*).$', 1),
      ',"content":', regexp_extract(to_json(transform(sequence(1, 1), pm_q -> coalesce(array_join(transform(pm_g, pm_d -> get_json_object(pm_d, '$.content')), ''), ''))), '^.(.*).$', 1),
      ',"tool_calls":[', coalesce(array_join(transform(pm_g, pm_d -> nullif(array_join(filter({{json_field_items(pm_d, tool_calls)}}, pm_t -> pm_t LIKE '{%'), ','), '')), ','), ''), ']}')), 0))
  WHEN @e.rs_shape = 'custom-model' THEN CASE
    WHEN @e.pr_vrows IS NOT NULL THEN transform(transform(slice(@e.pr_vrows, 1, 50), pm_v -> {{split_prediction_text(@e.pr_cols, pm_v)}}), pm_t -> {{text_message(assistant, pm_t)}})
    ELSE transform(transform(slice(@e.pr_orows, 1, 50), pm_r -> {{prediction_text(pm_r)}}), pm_t -> {{text_message(assistant, pm_t)}}) END
END AS rs_msgs0,
CASE
  WHEN @e.rs_shape IN ('chat', 'completions') AND @e.rs_chunks IS NULL
    THEN transform(filter(sequence(0, greatest(size(@e.rs_choice_items), 1) - 1), pm_k -> pm_k < size(@e.rs_choice_items)),
      pm_k -> coalesce(try_cast(get_json_object(get(@e.rs_choice_items, pm_k), '$.index') AS INT), pm_k))
  WHEN @e.rs_shape IN ('chat', 'completions') THEN @e.cs_idx
  WHEN @e.rs_shape = 'custom-model' THEN filter(sequence(0, 49), pm_k -> pm_k < {{list_size(@e.pr_vrows)}} + {{list_size(@e.pr_orows)}})
END AS rs_idx,
transform(flatten(transform(sequence(1, 2), pm_s -> CASE pm_s
    WHEN 1 THEN coalesce(CASE WHEN @e.rq_kind IN ('responses-api', 'responses-agent') THEN @e.rq_items END, filter(split('', ','), pm_x -> false))
    ELSE coalesce(CASE WHEN @e.rs_shape = 'responses' THEN @e.rs_items END, filter(split('', ','), pm_x -> false)) END)),
  pm_x -> {{item_message(pm_x)}}) AS item_msgs,
CASE WHEN @e.rq_kind IN ('responses-api', 'responses-agent') THEN {{list_size(@e.rq_items)}} ELSE 0 END AS nq_items,
CASE
  WHEN @e.cm_vrows IS NOT NULL THEN transform(slice(@e.cm_vrows, 1, 50), pm_v -> {{split_question(@e.cm_cols, pm_v)}})
  WHEN @e.cm_orows IS NOT NULL THEN transform(slice(@e.cm_orows, 1, 50), pm_r -> {{row_question(pm_r)}})
END AS cm_questions,
CASE
  WHEN @e.cm_vrows IS NOT NULL THEN transform(slice(@e.cm_vrows, 1, 50), pm_v -> {{split_text(@e.cm_cols, pm_v)}})
  WHEN @e.cm_orows IS NOT NULL THEN transform(slice(@e.cm_orows, 1, 50), pm_r -> {{row_text(pm_r)}})
END AS cm_row_texts,
-- The question of an embeddings or completions request: a string input, the first prompt (when it is a string).
CASE @e.rq_kind
  WHEN 'embeddings' THEN CASE WHEN {{first_char(@e.rq_input)}} <> '[' THEN @e.rq_input END
  WHEN 'completions' THEN CASE WHEN get(@e.rq_prompts, 0) IS NOT NULL AND get_json_object(get(@e.rq_prompts, 0), '$') IS NULL THEN get(@e.rq_prompts, 0) END
END AS rq_question0,
CASE WHEN @e.rs_error THEN CASE
  WHEN get_json_object(@e.rs_inner, '$.finishReason') = 'input_guardrail_triggered' THEN 'input'
  WHEN get_json_object(@e.rs_inner, '$.finishReason') = 'output_guardrail_triggered' THEN 'output'
  WHEN size(@e.ch_in) > 0 THEN 'input'
  WHEN size(@e.ch_out) > 0 THEN 'output' END END AS rs_reason_stage,
filter(split(coalesce(array_join(transform(@e.ch_in, pm_g -> {{check_findings(pm_g)}}), chr(31)), ''), chr(31)), pm_f -> pm_f <> '') AS rs_findings_in,
filter(split(coalesce(array_join(transform(@e.ch_out, pm_g -> {{check_findings(pm_g)}}), chr(31)), ''), chr(31)), pm_f -> pm_f <> '') AS rs_findings_out,
filter(split(coalesce(array_join(transform(@e.ch_in, pm_g -> array_join({{check_categories(pm_g)}}, chr(31))), chr(31)), ''), chr(31)), pm_f -> pm_f <> '') AS rs_categories_in,
filter(split(coalesce(array_join(transform(@e.ch_out, pm_g -> array_join({{check_categories(pm_g)}}, chr(31))), chr(31)), ''), chr(31)), pm_f -> pm_f <> '') AS rs_categories_out
