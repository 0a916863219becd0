-- spend(t, p): what the four token terms of t (@t.cost_in: input less cached, @t.cost_cached,
-- @t.cost_out: output less reasoning, @t.cost_reasoning) cost at the prices of p (per million
-- tokens; cached input at the input price and reasoning at the output price where the book has
-- none). One request's terms, or a group's sums at the one price they share.
(
  @t.cost_in * @p.input_per_1m
  + @t.cost_cached * coalesce(@p.cached_input_per_1m, @p.input_per_1m)
  + @t.cost_out * @p.output_per_1m
  + @t.cost_reasoning * coalesce(@p.reasoning_per_1m, @p.output_per_1m)
) / 1000000.0
