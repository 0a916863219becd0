-- Spend per UTC day from the first of the month of the window's end up to that end, for the
-- month-to-date figure and its projection. Shared filters and the focused value apply.
SELECT
  CAST(request_date AS STRING) AS day,
  sum(weight * cost) AS cost,
  sum(weight * tokens) AS tokens,
  sum(CASE WHEN price_model IS NULL THEN weight * tokens ELSE 0 END) AS unpriced_tokens,
  sum(weight) AS requests
FROM {{finance_rows}} r
GROUP BY CAST(request_date AS STRING)
ORDER BY day
