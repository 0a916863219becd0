-- payload_stream(c): step 4 (after payload_lists): a chunk array's stream format (lib/payload
-- streamFormat: the first chunk that tells — choices → chat or completions, a delta object →
-- ChatAgent, response.* events or bare items → Responses), its choice entries, deltas, finished
-- items, response.completed event and last chunk carrying usage; the trace (a chunk array's last
-- chunk that has one); a custom model's dict inputs and predictions read as rows; completion
-- prompts; the guardrail verdicts of each stage.
get(filter(transform(@c.rs_chunks, ps_c -> CASE
    WHEN json_array_length(get_json_object(ps_c, '$.choices')) IS NOT NULL THEN CASE
      WHEN get_json_object(ps_c, '$.object') = 'text_completion'
        OR size(filter({{json_field_items(ps_c, choices)}}, ps_h -> {{json_is_object(ps_h)}} AND get_json_object(ps_h, '$.text') IS NOT NULL)) > 0
      THEN 'completions' ELSE 'chat' END
    WHEN get_json_object(ps_c, '$.delta') LIKE '{%' THEN 'chat-agent'
    WHEN get_json_object(ps_c, '$.type') LIKE 'response.%' OR get_json_object(ps_c, '$.type') IN ('message', 'function_call', 'function_call_output', 'reasoning') THEN 'responses'
  END), ps_f -> ps_f IS NOT NULL), 0) AS rs_format,
flatten(transform(filter(@c.rs_chunks, ps_c -> json_array_length(get_json_object(ps_c, '$.choices')) IS NOT NULL),
  ps_c -> filter({{json_field_items(ps_c, choices)}}, ps_h -> {{json_is_object(ps_h)}}))) AS rs_entries,
filter(@c.rs_chunks, ps_c -> get_json_object(ps_c, '$.delta') LIKE '{%') AS rs_deltas,
filter(transform(@c.rs_chunks, ps_c -> CASE
    WHEN get_json_object(ps_c, '$.type') = 'response.output_item.done' THEN get_json_object(ps_c, '$.item')
    WHEN get_json_object(ps_c, '$.type') IN ('message', 'function_call', 'function_call_output', 'reasoning') THEN ps_c
  END), ps_x -> ps_x IS NOT NULL) AS rs_event_items,
get(transform(slice(filter(@c.rs_chunks, ps_c -> get_json_object(ps_c, '$.type') IN ('response.completed', 'response.done', 'response.incomplete')
  AND get_json_object(ps_c, '$.response') LIKE '{%'), -1, 1), ps_c -> get_json_object(ps_c, '$.response')), 0) AS rs_completed,
get(slice(filter(@c.rs_chunks, ps_c -> {{has_usage(ps_c)}}), -1, 1), 0) AS rs_usage_chunk,
CASE WHEN @c.rs_chunks IS NOT NULL
  THEN get(transform(slice(filter(@c.rs_chunks, ps_c -> get_json_object(ps_c, '$.databricks_output.trace') IS NOT NULL), -1, 1),
    ps_c -> get_json_object(ps_c, '$.databricks_output.trace')), 0)
  ELSE @c.rs_trace0
END AS rs_trace,
coalesce(@c.cm_form = 'dict' AND {{dict_columnar(@c.cm_src)}}, false) AS cm_columnar,
CASE WHEN @c.pr_src LIKE '{%' AND {{dict_columnar(@c.pr_src)}} THEN json_object_keys(@c.pr_src) END AS pr_cols,
CASE WHEN @c.pr_src LIKE '{%' AND {{dict_columnar(@c.pr_src)}} THEN {{dict_rows(@c.pr_src)}} END AS pr_vrows,
CASE
  WHEN {{first_char(@c.pr_src)}} = '[' THEN {{json_items(@c.pr_src)}}
  WHEN @c.pr_src IS NOT NULL AND NOT coalesce(@c.pr_src LIKE '{%' AND {{dict_columnar(@c.pr_src)}}, false) THEN transform(sequence(1, 1), ps_one -> @c.pr_src)
END AS pr_orows,
CASE WHEN @c.rq_kind = 'completions' THEN CASE
  WHEN {{first_char(@c.rq_prompt)}} = '[' THEN {{json_items(@c.rq_prompt)}}
  ELSE transform(sequence(1, 1), ps_one -> @c.rq_prompt) END END AS rq_prompts,
CASE WHEN @c.rs_error THEN {{guardrail_checks(@c.rs_inner, input)}} END AS ch_in,
CASE WHEN @c.rs_error THEN {{guardrail_checks(@c.rs_inner, output)}} END AS ch_out
