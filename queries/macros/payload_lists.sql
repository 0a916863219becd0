-- payload_lists(b): step 3 (after payload_top): the response as JSON and its chunks, whether it
-- is an error (status ≥ 400; without a status, an error envelope), the request's kind
-- (lib/payload readRequest: messages → chat; an input of strings without a Responses or agent
-- field → embeddings, any other input → Responses API or ResponsesAgent; prompt → completions;
-- dataframe_split / dataframe_records / instances / inputs → custom model) and the lists the
-- request and the response are read from.
coalesce(@b.rs_chunks0, {{json_items(@b.rs_sse)}}) AS rs_chunks,
CASE
  WHEN @b.rs_keys IS NOT NULL OR @b.rs_chunks0 IS NOT NULL THEN @b.response
  WHEN @b.rs_sse IS NOT NULL THEN @b.rs_sse
  WHEN get_json_object(@b.response, '$') IS NOT NULL THEN @b.response
END AS rs_json,
CASE WHEN @b.status_code IS NOT NULL THEN @b.status_code >= 400
  WHEN @b.rs_keys IS NULL THEN false
  WHEN @b.rs_error_code IS NOT NULL AND get_json_object(@b.rs_error_code, '$') IS NULL THEN true
  WHEN arrays_overlap(@b.rs_keys, split('choices,output,data,predictions,messages', ',')) THEN false
  ELSE coalesce(get_json_object(@b.response, '$.error') IS NOT NULL OR array_contains(@b.rs_keys, 'external_model_message'), false)
END AS rs_error,
CASE
  WHEN @b.rq_keys IS NULL THEN 'unknown'
  WHEN {{first_char(@b.rq_messages)}} = '[' THEN 'chat'
  WHEN array_contains(@b.rq_keys, 'input') AND NOT arrays_overlap(@b.rq_keys, split('inputs,dataframe_split,dataframe_records,instances', ',')) THEN CASE
    WHEN {{first_char(@b.rq_input)}} = '[' AND size(filter({{json_items(@b.rq_input)}}, pl_x -> NOT {{json_is_text(pl_x)}})) = 0 THEN 'embeddings'
    WHEN {{first_char(@b.rq_input)}} <> '[' AND {{json_is_text(@b.rq_input)}}
      AND NOT arrays_overlap(@b.rq_keys, split('instructions,max_output_tokens,previous_response_id,reasoning,tools,text,store,stream,truncation,context,custom_inputs,databricks_options', ','))
      THEN 'embeddings'
    WHEN arrays_overlap(@b.rq_keys, split('context,custom_inputs,databricks_options', ',')) THEN 'responses-agent'
    ELSE 'responses-api'
  END
  WHEN array_contains(@b.rq_keys, 'prompt') THEN 'completions'
  WHEN arrays_overlap(@b.rq_keys, split('inputs,dataframe_split,dataframe_records,instances', ',')) THEN 'custom-model'
  ELSE 'unknown'
END AS rq_kind,
{{json_items(@b.rq_messages)}} AS rq_chat_msgs,
CASE WHEN {{first_char(@b.rq_input)}} = '[' THEN {{json_items(@b.rq_input)}}
  WHEN array_contains(@b.rq_keys, 'input') THEN transform(sequence(1, 1), pl_one -> @b.rq_input) END AS rq_items,
{{json_items(@b.rs_choices_json)}} AS rs_choice_items,
{{json_items(@b.rs_messages)}} AS rs_agent_msgs,
CASE WHEN @b.rs_message LIKE '{%' AND json_object_keys(@b.rs_message) IS NOT NULL THEN @b.rs_message END AS rs_inner,
CASE
  WHEN array_contains(@b.rs_keys, 'predictions') THEN get_json_object(@b.response, '$.predictions')
  WHEN array_contains(@b.rs_keys, 'outputs') AND arrays_overlap(@b.rq_keys, split('inputs,dataframe_split,dataframe_records,instances', ','))
    THEN get_json_object(@b.response, '$.outputs')
END AS pr_src,
CASE WHEN arrays_overlap(@b.rq_keys, split('inputs,dataframe_split,dataframe_records,instances', ',')) THEN CASE
  WHEN get_json_object(@b.request, '$.dataframe_split') LIKE '{%' THEN 'split'
  WHEN json_array_length(get_json_object(@b.request, '$.dataframe_records')) IS NOT NULL THEN 'list'
  WHEN get_json_object(@b.request, '$.dataframe_records') LIKE '{%' THEN 'dict'
  WHEN json_array_length(get_json_object(@b.request, '$.instances')) IS NOT NULL THEN 'list'
  WHEN json_array_length(get_json_object(@b.request, '$.inputs')) IS NOT NULL THEN 'list'
  WHEN get_json_object(@b.request, '$.inputs') LIKE '{%' THEN 'dict'
  WHEN array_contains(@b.rq_keys, 'inputs') THEN 'one'
END END AS cm_form,
CASE WHEN arrays_overlap(@b.rq_keys, split('inputs,dataframe_split,dataframe_records,instances', ',')) THEN CASE
  WHEN get_json_object(@b.request, '$.dataframe_split') LIKE '{%' THEN get_json_object(@b.request, '$.dataframe_split')
  WHEN json_array_length(get_json_object(@b.request, '$.dataframe_records')) IS NOT NULL THEN get_json_object(@b.request, '$.dataframe_records')
  WHEN get_json_object(@b.request, '$.dataframe_records') LIKE '{%' THEN get_json_object(@b.request, '$.dataframe_records')
  WHEN json_array_length(get_json_object(@b.request, '$.instances')) IS NOT NULL THEN get_json_object(@b.request, '$.instances')
  ELSE get_json_object(@b.request, '$.inputs')
END END AS cm_src
