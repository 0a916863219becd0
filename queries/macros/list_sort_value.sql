-- list_sort_value(s): the inspector list's sort key of priced request s when it sorts by tokens
-- (in + out, as the list shows them) or cost (as finance prices it, per request); NULL sorts last as -1.
CASE WHEN :sort = 'tokens_desc' THEN
  CASE WHEN @s.input_tokens IS NULL AND @s.output_tokens IS NULL THEN -1.0
    ELSE CAST(coalesce(@s.input_tokens, 0) + coalesce(@s.output_tokens, 0) AS DOUBLE) END
  ELSE coalesce(CAST(@s.cost AS DOUBLE), -1.0) END
