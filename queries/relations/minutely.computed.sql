-- gateway_lens_minutely computed from the window's requests (no rollup table answers it).
SELECT * FROM {{minutely_from_requests}}
