-- has_usage(o): the JSON object o carries a usage block with a token count (lib/payload readUsage).
coalesce({{json_number(@o, usage.prompt_tokens)}}, {{json_number(@o, usage.input_tokens)}}, {{json_number(@o, usage.completion_tokens)}},
  {{json_number(@o, usage.output_tokens)}}, {{json_number(@o, usage.total_tokens)}}) IS NOT NULL
