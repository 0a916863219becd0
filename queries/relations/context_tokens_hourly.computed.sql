-- gateway_lens_context_tokens_hourly computed from the window's requests (no rollup table answers it).
SELECT * FROM {{context_tokens_hourly_from_requests}}
