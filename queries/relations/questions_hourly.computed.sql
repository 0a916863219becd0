-- gateway_lens_questions_hourly computed from the window's request texts (no rollup table answers it).
SELECT * FROM {{questions_hourly_from_text}}
