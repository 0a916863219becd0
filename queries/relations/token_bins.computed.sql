-- The token histogram of the window computed from its requests (no rollup table answers it),
-- every request once and, for a usage_context dimension, again under its key.
SELECT * FROM {{token_bins_hourly_from_requests}} e
WHERE e.context_key IS NULL OR (:dimension = 'context' AND e.context_key = :context_key)
