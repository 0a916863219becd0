-- gateway_lens_error_messages_hourly computed from the window's requests (no rollup table answers it).
SELECT * FROM {{error_messages_hourly_from_requests}}
