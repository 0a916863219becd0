-- gateway_lens_hourly computed from the window's requests (no rollup table answers it).
SELECT * FROM {{hourly_from_requests}}
