-- gateway_lens_threads_hourly computed from the window's request texts (no rollup table answers it).
SELECT * FROM {{threads_hourly_from_text}}
