-- payload_output(j): step 11 (after payload_content): what the request and the output add up to
-- (turn_summary); the question (lib/payload lastUserText: the last user turn's text, NULL when it
-- has none) and whether the request ends with it; the answer (lib/payload buildAnswers: among the
-- messages of the first choice, the last assistant one with text) and how many choices answered;
-- the kind of the pair; the error's true reason, the provider it names and the guardrail findings
-- of the stage its category names.
{{turn_summary(@j, rq)}},
{{turn_summary(@j, rs)}},
CASE WHEN @j.rq_kind IN ('chat', 'responses-api', 'responses-agent')
  THEN nullif(get(slice(filter(transform(filter(sequence(0, greatest(@j.rq_to, 1) - 1), po_k -> po_k < @j.rq_to),
    po_k -> CASE WHEN get(@j.m_role, po_k) = 'user' AND NOT get(@j.m_results_only, po_k) THEN coalesce(get(@j.m_text, po_k), '') END), po_t -> po_t IS NOT NULL), -1, 1), 0), '')
  ELSE @j.rq_question1
END AS rq_question,
CASE WHEN @j.rq_kind IN ('chat', 'responses-api', 'responses-agent')
  THEN coalesce(get(slice(filter(transform(filter(sequence(0, greatest(@j.rq_to, 1) - 1), po_k -> po_k < @j.rq_to),
    po_k -> CASE WHEN get(@j.m_role, po_k) <> 'none' THEN get(@j.m_role, po_k) = 'user' AND NOT get(@j.m_results_only, po_k) END), po_b -> po_b IS NOT NULL), -1, 1), 0), false)
  ELSE true
END AS rq_asks,
get(slice(filter(transform(filter(sequence(0, greatest(@j.rs_to, 1) - 1), po_k -> po_k >= @j.rs_from AND po_k < @j.rs_to),
  po_k -> CASE WHEN coalesce(get(@j.rs_idx, po_k - @j.rs_from), 0) = array_min(transform(filter(sequence(0, greatest(@j.rs_to, 1) - 1), po_i -> po_i >= @j.rs_from AND po_i < @j.rs_to),
      po_i -> CASE WHEN get(@j.m_role, po_i) IS NOT NULL THEN coalesce(get(@j.rs_idx, po_i - @j.rs_from), 0) END))
    AND get(@j.m_role, po_k) = 'assistant' AND NOT get(@j.m_results_only, po_k) THEN nullif(get(@j.m_text, po_k), '') END), po_t -> po_t IS NOT NULL), -1, 1), 0) AS rs_answer,
coalesce(size(array_distinct(filter(transform(filter(sequence(0, greatest(@j.rs_to, 1) - 1), po_k -> po_k >= @j.rs_from AND po_k < @j.rs_to),
  po_k -> CASE WHEN get(@j.m_role, po_k) IS NOT NULL THEN coalesce(get(@j.rs_idx, po_k - @j.rs_from), 0) END), po_i -> po_i IS NOT NULL))), 0) AS rs_choices,
CASE
  WHEN @j.rs_error THEN CASE
    WHEN {{list_size(@j.ch_in)}} > 0 OR {{list_size(@j.ch_out)}} > 0 OR @j.error_category IN ('input_guardrail', 'output_guardrail') THEN 'guardrail-block'
    ELSE 'error' END
  WHEN @j.rs_shape = 'responses' THEN @j.rs_responses_kind
  ELSE coalesce(@j.rs_shape, @j.rq_kind)
END AS kind,
CASE
  WHEN NOT @j.rs_error THEN NULL
  WHEN @j.rs_keys IS NULL THEN {{reason_text(@j.response)}}
  WHEN @j.rs_reason_stage = 'input' THEN concat('Input guardrail: ', coalesce(nullif(array_join({{ordered_distinct(@j.rs_findings_in)}}, ', '), ''), 'triggered'))
  WHEN @j.rs_reason_stage = 'output' THEN concat('Output guardrail: ', coalesce(nullif(array_join({{ordered_distinct(@j.rs_findings_out)}}, ', '), ''), 'triggered'))
  ELSE {{error_reason_of(@j.rs_json)}}
END AS error_reason,
CASE WHEN @j.rs_error AND @j.rs_keys IS NOT NULL AND @j.rs_reason_stage IS NULL THEN {{error_provider_of(@j.rs_json)}} END AS error_provider,
-- The error's code (lib/payload readError): error_code, else error.type / error.code, else a provider envelope's error_code.
CASE WHEN @j.rs_error AND @j.rs_keys IS NOT NULL THEN coalesce(
  CASE WHEN {{json_is_text(@j.rs_error_code)}} THEN @j.rs_error_code END,
  CASE WHEN get_json_object(@j.response, '$.error') LIKE '{%' THEN coalesce(get_json_object(@j.response, '$.error.type'), get_json_object(@j.response, '$.error.code')) END,
  CASE WHEN get_json_object(@j.response, '$.external_model_message') LIKE '{%' THEN get_json_object(@j.response, '$.external_model_message.error_code') END)
END AS error_code,
CASE WHEN NOT @j.rs_error OR @j.response IS NULL THEN NULL WHEN @j.rs_keys IS NOT NULL THEN 'json' WHEN {{is_html(@j.response)}} THEN 'html' ELSE 'text' END AS error_format,
CASE @j.error_category WHEN 'input_guardrail' THEN 'input' WHEN 'output_guardrail' THEN 'output' END AS guardrail_stage,
CASE @j.error_category
  WHEN 'input_guardrail' THEN coalesce(size(filter(@j.ch_in, po_g -> get_json_object(po_g, '$.pii_detection') = 'true')), 0) > 0
  WHEN 'output_guardrail' THEN coalesce(size(filter(@j.ch_out, po_g -> get_json_object(po_g, '$.pii_detection') = 'true')), 0) > 0
  ELSE false
END AS guardrail_pii,
CASE @j.error_category
  WHEN 'input_guardrail' THEN coalesce(size(filter(@j.ch_in, po_g -> get_json_object(po_g, '$.invalid_keywords') = 'true')), 0) > 0
  WHEN 'output_guardrail' THEN coalesce(size(filter(@j.ch_out, po_g -> get_json_object(po_g, '$.invalid_keywords') = 'true')), 0) > 0
  ELSE false
END AS guardrail_keywords,
CASE @j.error_category
  WHEN 'input_guardrail' THEN {{ordered_distinct(@j.rs_categories_in)}}
  WHEN 'output_guardrail' THEN {{ordered_distinct(@j.rs_categories_out)}}
  ELSE filter(@j.rs_categories_in, po_c -> false)
END AS guardrail_categories
