-- answer_preview(k): what a list shows for the answer of a request read by the one
-- interpretation (payload_fields): its answer text; for a block or an error, its true reason; for
-- an answer that only calls tools, the tools; for embeddings, that the vectors are not shown.
CASE
  WHEN @k.answer_text IS NOT NULL THEN @k.answer_text
  WHEN @k.kind = 'guardrail-block' THEN @k.error_reason
  WHEN @k.kind = 'error' THEN concat(coalesce(@k.error_code, concat('HTTP ', CAST(@k.status_code AS STRING))), ': ', coalesce(@k.error_reason, 'no message'))
  WHEN @k.has_tool_calls THEN concat('→ ', array_join(@k.tool_names, ', '), '(…)')
  WHEN @k.kind = 'embeddings' THEN 'Embedding vectors (values not shown)'
END
