-- Billed Model Serving cost per endpoint and UTC day at list price (system.billing.usage with
-- system.billing.list_prices), for reconciliation with the token estimate.
SELECT
  CAST(bu.usage_date AS DATE) AS usage_date,
  bu.usage_metadata.endpoint_name AS endpoint_name,
  CAST(sum(bu.usage_quantity * lp.pricing.effective_list.default) AS DOUBLE) AS billed_cost,
  max(lp.currency_code) AS currency_code
FROM {{billing_usage}} bu
JOIN {{billing_list_prices}} lp
  ON lp.sku_name = bu.sku_name AND lp.cloud = bu.cloud AND lp.usage_unit = bu.usage_unit
  AND bu.usage_start_time >= lp.price_start_time
  AND (lp.price_end_time IS NULL OR bu.usage_start_time < lp.price_end_time)
WHERE bu.billing_origin_product = 'MODEL_SERVING'
  -- The endpoints this dashboard reads, not every endpoint of the account.
  AND {{configured_endpoint(bu.usage_metadata.endpoint_name)}}
  AND bu.usage_date BETWEEN CAST(:start_date AS DATE) AND CAST(:end_date AS DATE)
GROUP BY CAST(bu.usage_date AS DATE), bu.usage_metadata.endpoint_name
