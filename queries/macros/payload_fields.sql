-- payload_fields(k): the last step of reading a logged pair (after payload_output): the fields of
-- lib/payload payloadFacts under its names, held equal to it over fixtures/payloads by
-- lib/payload/sql-twin.test.ts (the error and guardrail fields come from payload_output). The steps, in order: payload_json, payload_top, payload_lists,
-- payload_stream, payload_shape, payload_messages, payload_turns, payload_all, payload_digest,
-- payload_content, payload_output (payload_steps), then this.
CASE WHEN @k.kind = 'embeddings' OR @k.rq_kind = 'embeddings' AND @k.kind IN ('error', 'guardrail-block') THEN NULL
  ELSE left({{normalised_text(@k.rq_question)}}, 1000) END AS last_user_text,
left({{normalised_text(@k.rs_answer)}}, 1000) AS answer_text,
get(transform(transform(sequence(1, 1), pf_one -> concat_ws(chr(10),
    nullif(CASE @k.rq_kind
      WHEN 'embeddings' THEN {{embedding_inputs_text(@k.rq_items)}}
      WHEN 'completions' THEN array_join(transform(@k.rq_prompts, pf_p -> nullif(pf_p, '')), chr(10))
      WHEN 'custom-model' THEN array_join(transform(@k.cm_texts, pf_t -> nullif(pf_t, '')), chr(10))
      ELSE @k.rq_search END, ''),
    nullif(@k.rs_search, ''))),
  pf_s -> left({{normalised_text(pf_s)}}, 10000)), 0) AS search_text,
get(transform(transform(sequence(1, 1), pf_one -> filter(split(coalesce(@k.rs_tool_names, ''), chr(31)), pf_t -> pf_t <> '')),
  pf_l -> {{ordered_distinct(pf_l)}}), 0) AS tool_names,
coalesce(@k.rs_tool_names, '') <> '' AS has_tool_calls,
CASE WHEN @k.rs_error THEN 0 ELSE @k.rs_choices END AS choices,
coalesce({{json_number(@k.rs_usage, prompt_tokens)}}, {{json_number(@k.rs_usage, input_tokens)}}) AS tokens_in,
coalesce({{json_number(@k.rs_usage, completion_tokens)}}, {{json_number(@k.rs_usage, output_tokens)}}) AS tokens_out,
coalesce(CASE
    WHEN get_json_object(@k.rs_usage, '$.prompt_tokens_details') LIKE '{%' THEN {{json_number(@k.rs_usage, prompt_tokens_details.cached_tokens)}}
    WHEN get_json_object(@k.rs_usage, '$.input_tokens_details') LIKE '{%' THEN {{json_number(@k.rs_usage, input_tokens_details.cached_tokens)}} END,
  {{json_number(@k.rs_usage, cache_read_input_tokens)}}) AS tokens_cached,
CASE
  WHEN get_json_object(@k.rs_usage, '$.completion_tokens_details') LIKE '{%' THEN {{json_number(@k.rs_usage, completion_tokens_details.reasoning_tokens)}}
  WHEN get_json_object(@k.rs_usage, '$.output_tokens_details') LIKE '{%' THEN {{json_number(@k.rs_usage, output_tokens_details.reasoning_tokens)}}
END AS tokens_reasoning,
@k.rs_token_source AS token_source,
-- Estimates, Databricks' own rule ((characters + 1) / 4), from the text a tokenizer reads only:
-- the request's turns (with a chat's system and a Responses call's instructions) and the output's.
get(transform(transform(sequence(1, 1), pf_one -> length(CASE @k.rq_kind
    WHEN 'chat' THEN concat(CASE WHEN @k.rq_system IS NOT NULL AND get_json_object(@k.rq_system, '$') IS NULL THEN @k.rq_system ELSE '' END, @k.rq_tokenized)
    WHEN 'responses-api' THEN concat(coalesce(@k.rq_instructions, ''), @k.rq_tokenized)
    WHEN 'responses-agent' THEN concat(coalesce(@k.rq_instructions, ''), @k.rq_tokenized)
    WHEN 'embeddings' THEN {{embedding_inputs_text(@k.rq_items)}}
    WHEN 'completions' THEN coalesce(array_join(@k.rq_prompts, ''), '')
    WHEN 'custom-model' THEN coalesce(array_join(@k.cm_texts, ''), '')
    ELSE '' END)),
  pf_n -> CASE WHEN pf_n > 0 THEN CAST(floor(pf_n / 4 + 0.25) AS BIGINT) END), 0) AS est_tokens_in,
CASE WHEN @k.kind NOT IN ('embeddings', 'error', 'guardrail-block') AND length(@k.rs_tokenized) > 0
  THEN CAST(floor(length(@k.rs_tokenized) / 4 + 0.25) AS BIGINT) END AS est_tokens_out,
{{list_size(@k.tr_spans)}} > 0 AND coalesce(size(filter(@k.tr_spans, pf_s -> {{span_failed(pf_s)}})) > 0
  OR upper(coalesce(get_json_object(@k.rs_trace, '$.info.state'), get_json_object(@k.rs_trace, '$.info.status'))) = 'ERROR', false) AS trace_error,
{{list_size(@k.tr_spans)}} AS trace_spans,
NOT @k.rs_error AND @k.rs_chunks IS NOT NULL AND @k.rs_format IS NOT NULL AS is_stream,
CASE WHEN @k.kind = 'embeddings' OR @k.rq_kind = 'embeddings' AND @k.kind IN ('error', 'guardrail-block') THEN false
  ELSE @k.rq_asks AND {{normalised_text(@k.rq_question)}} IS NOT NULL END AS asks_question
