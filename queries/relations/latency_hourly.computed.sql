-- gateway_lens_latency_hourly computed from the window's requests (no rollup table answers it).
SELECT * FROM {{latency_hourly_from_requests}}
