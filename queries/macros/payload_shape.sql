-- payload_shape(d): step 5 (after payload_stream): the shape of the response (NULL: the request
-- decides the kind), whether a Responses body is an agent's or the OpenAI API's, the Responses
-- items, the choices and tool calls of a chat stream, the messages deltas of a ChatAgent stream
-- add to, a custom model's input rows, the usage block that counts and where it came from, the
-- error category and the trace's spans.
CASE
  WHEN @d.rs_error OR @d.rs_json IS NULL THEN NULL
  WHEN @d.rs_chunks IS NOT NULL THEN @d.rs_format
  WHEN @d.rs_keys IS NULL THEN NULL
  WHEN @d.rs_choice_items IS NOT NULL THEN CASE
    WHEN @d.rs_object = 'text_completion' OR size(filter(@d.rs_choice_items, sh_h -> {{json_is_object(sh_h)}} AND get_json_object(sh_h, '$.text') IS NOT NULL)) > 0
    THEN 'completions' ELSE 'chat' END
  WHEN @d.rs_object = 'response' OR {{first_char(@d.rs_output)}} = '[' THEN 'responses'
  WHEN @d.rs_agent_msgs IS NOT NULL THEN 'chat-agent'
  WHEN @d.rs_has_data OR @d.rs_object = 'list' THEN 'embeddings'
  WHEN @d.pr_src IS NOT NULL OR array_contains(@d.rs_keys, 'predictions') THEN 'custom-model'
END AS rs_shape,
-- ResponsesAgent or the OpenAI Responses API (lib/payload responsesKind): an agent field in the
-- request, or custom_outputs / databricks_output in the response, make an agent; a model or
-- created_at on the response, a sequence_number on stream events, or a string input, the API.
CASE
  WHEN arrays_overlap(@d.rq_keys, split('context,custom_inputs,databricks_options', ','))
    OR coalesce(@d.rs_chunks IS NULL AND arrays_overlap(@d.rs_keys, split('custom_outputs,databricks_output', ',')), false)
    OR size(filter(@d.rs_chunks, sh_c -> get_json_object(sh_c, '$.custom_outputs') IS NOT NULL OR get_json_object(sh_c, '$.databricks_output') IS NOT NULL)) > 0
    THEN 'responses-agent'
  WHEN coalesce(@d.rs_chunks IS NULL AND arrays_overlap(@d.rs_keys, split('model,created_at', ',')), false)
    OR size(filter(@d.rs_chunks, sh_c -> get_json_object(sh_c, '$.sequence_number') IS NOT NULL)) > 0
    OR array_contains(json_object_keys(@d.rs_completed), 'model')
    OR coalesce({{first_char(@d.rq_input)}} <> '[' AND {{json_is_text(@d.rq_input)}}, false)
    THEN 'responses-api'
  ELSE 'responses-agent'
END AS rs_responses_kind,
CASE
  WHEN @d.rs_chunks IS NULL THEN {{json_items(@d.rs_output)}}
  WHEN size(@d.rs_event_items) > 0 THEN @d.rs_event_items
  ELSE {{json_field_items(@d.rs_completed, output)}}
END AS rs_items,
array_sort(array_distinct(transform(@d.rs_entries, sh_e -> {{entry_index(sh_e)}}))) AS cs_idx,
array_sort(array_distinct(flatten(transform(@d.rs_entries, sh_e -> transform(
  filter(sequence(0, greatest(coalesce(json_array_length(get_json_object(sh_e, '$.delta.tool_calls')), 0), 1) - 1),
    sh_t -> sh_t < coalesce(json_array_length(get_json_object(sh_e, '$.delta.tool_calls')), 0)
      AND get_json_object(sh_e, concat('$.delta.tool_calls[', CAST(sh_t AS STRING), ']')) LIKE '{%'),
  sh_t -> {{entry_index(sh_e)}} * 100000 + coalesce(try_cast(get_json_object(sh_e, concat('$.delta.tool_calls[', CAST(sh_t AS STRING), '].index')) AS INT), sh_t)))))) AS cs_codes,
transform(filter(sequence(0, greatest(size(@d.rs_deltas), 1) - 1), sh_k -> sh_k < size(@d.rs_deltas)),
  sh_k -> coalesce(get_json_object(get(@d.rs_deltas, sh_k), '$.delta.id'), concat('#', CAST(sh_k AS STRING)))) AS rs_delta_ids,
transform(filter(@d.rs_chunks, sh_c -> get_json_object(sh_c, '$.type') = 'response.output_text.delta' AND get_json_object(sh_c, '$.delta') IS NOT NULL),
  sh_c -> coalesce(get_json_object(sh_c, '$.item_id'), '')) AS rs_text_delta_ids,
CASE WHEN @d.rq_kind = 'custom-model' THEN CASE
  WHEN @d.cm_form = 'split' THEN {{json_field_items(@d.cm_src, columns)}}
  WHEN @d.cm_columnar THEN json_object_keys(@d.cm_src) END END AS cm_cols,
CASE WHEN @d.rq_kind = 'custom-model' THEN CASE
  WHEN @d.cm_form = 'split' THEN transform({{json_field_items(@d.cm_src, data)}}, sh_r -> {{json_items(sh_r)}})
  WHEN @d.cm_columnar THEN {{dict_rows(@d.cm_src)}} END END AS cm_vrows,
CASE WHEN @d.rq_kind = 'custom-model' THEN CASE
  WHEN @d.cm_form = 'list' THEN {{json_items(@d.cm_src)}}
  WHEN @d.cm_form IN ('dict', 'one') AND NOT @d.cm_columnar THEN transform(sequence(1, 1), sh_one -> @d.cm_src) END END AS cm_orows,
-- The usage block that counts (lib/payload readUsage / readStream): a Responses stream's
-- response.completed, else the last chunk carrying counts (usage repeated cumulatively on every
-- chunk, or sent on the last one only), else the body's own; none for errors.
CASE
  WHEN @d.rs_error THEN NULL
  WHEN @d.rs_chunks IS NOT NULL THEN CASE
    WHEN @d.rs_format = 'responses' AND {{has_usage(@d.rs_completed)}} THEN get_json_object(@d.rs_completed, '$.usage')
    WHEN @d.rs_format IS NOT NULL THEN get_json_object(@d.rs_usage_chunk, '$.usage') END
  WHEN {{usage_has_counts(@d.rs_usage0)}} THEN @d.rs_usage0
END AS rs_usage,
CASE
  WHEN @d.rs_error THEN 'none'
  WHEN @d.rs_chunks IS NOT NULL THEN CASE
    WHEN @d.rs_format = 'responses' AND {{has_usage(@d.rs_completed)}} THEN 'response_completed'
    WHEN @d.rs_format IS NOT NULL AND @d.rs_usage_chunk IS NOT NULL THEN 'stream_chunk'
    ELSE 'none' END
  WHEN {{usage_has_counts(@d.rs_usage0)}} THEN 'usage'
  ELSE 'none'
END AS rs_token_source,
-- The error category, one rule for every view (lib/payload categoryOf), in this order.
CASE
  WHEN NOT @d.rs_error THEN CASE WHEN @d.status_code IS NULL THEN 'unknown' ELSE 'ok' END
  WHEN @d.status_code < 400 THEN 'ok'
  WHEN @d.status_code = 429 OR @d.rs_error_code = 'REQUEST_LIMIT_EXCEEDED' THEN 'rate_limited'
  WHEN get_json_object(@d.rs_inner, '$.finishReason') = 'input_guardrail_triggered'
    OR coalesce(NOT array_contains(json_object_keys(@d.rs_inner), 'finishReason') AND array_contains(json_object_keys(@d.rs_inner), 'input_guardrail'), false) THEN 'input_guardrail'
  WHEN get_json_object(@d.rs_inner, '$.finishReason') = 'output_guardrail_triggered'
    OR coalesce(NOT array_contains(json_object_keys(@d.rs_inner), 'finishReason') AND array_contains(json_object_keys(@d.rs_inner), 'output_guardrail'), false) THEN 'output_guardrail'
  WHEN arrays_overlap(@d.rs_keys, split('external_model_message,external_model_error', ','))
    OR arrays_overlap(json_object_keys(@d.rs_inner), split('external_model_provider,external_model_error', ',')) THEN 'provider_error'
  WHEN @d.status_code IS NULL THEN 'unknown'
  WHEN @d.status_code >= 500 THEN 'server_5xx'
  ELSE 'client_4xx'
END AS error_category,
filter(CASE WHEN get_json_object(@d.rs_trace, '$.data') LIKE '{%' THEN {{json_field_items(@d.rs_trace, data.spans)}} ELSE {{json_field_items(@d.rs_trace, spans)}} END,
  sh_s -> {{json_is_object(sh_s)}}) AS tr_spans
