-- guardrail_checks(i, stage): the guardrail verdicts of one stage (input or output) in i, the JSON
-- decoded from a blocked response's message: the objects of its <stage>_guardrail list, or the
-- object itself.
CASE
  WHEN json_array_length(get_json_object(@i, '$.@stage_guardrail')) IS NOT NULL
    THEN filter(from_json(get_json_object(@i, '$.@stage_guardrail'), 'array<string>'), gc_g -> {{json_is_object(gc_g)}})
  WHEN get_json_object(@i, '$.@stage_guardrail') LIKE '{%' THEN transform(sequence(1, 1), gc_one -> get_json_object(@i, '$.@stage_guardrail'))
END
