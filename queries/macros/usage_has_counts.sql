-- usage_has_counts(u): the usage block u reports a token count (lib/payload readUsage).
coalesce({{json_number(@u, prompt_tokens)}}, {{json_number(@u, input_tokens)}}, {{json_number(@u, completion_tokens)}},
  {{json_number(@u, output_tokens)}}, {{json_number(@u, total_tokens)}}) IS NOT NULL
