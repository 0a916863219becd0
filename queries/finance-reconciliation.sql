-- Billed Model Serving cost per endpoint per UTC day (system.billing.usage at list price) beside
-- the cost estimated from tokens and the price book. Billing rows cover whole days.
WITH est AS (
  SELECT
    CAST(r.request_date AS STRING) AS day,
    r.endpoint_name,
    sum(r.weight * r.cost) AS estimated_cost,
    sum(CASE WHEN r.price_model IS NULL THEN r.weight * (coalesce(r.input_tokens, 0) + coalesce(r.output_tokens, 0)) ELSE 0 END) AS unpriced_tokens
  FROM {{priced_requests}} r
  GROUP BY CAST(r.request_date AS STRING), r.endpoint_name
),
billed AS (
  SELECT
    CAST(b.usage_date AS STRING) AS day,
    b.endpoint_name,
    sum(b.billed_cost) AS billed_cost,
    max(b.currency_code) AS billed_currency
  FROM {{billing_serving_daily}} b
  WHERE (:endpoint IS NULL OR b.endpoint_name = :endpoint)
  GROUP BY CAST(b.usage_date AS STRING), b.endpoint_name
)
SELECT
  coalesce(e.day, b.day) AS day,
  coalesce(e.endpoint_name, b.endpoint_name) AS endpoint_name,
  e.estimated_cost,
  CAST(:currency AS STRING) AS currency,
  e.unpriced_tokens,
  b.billed_cost,
  b.billed_currency,
  b.billed_cost - e.estimated_cost AS difference
FROM est e
FULL OUTER JOIN billed b ON b.day = e.day AND b.endpoint_name = e.endpoint_name
ORDER BY day, endpoint_name
