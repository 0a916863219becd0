-- Billing tables are not configured (BILLING_USAGE_TABLE, BILLING_LIST_PRICES_TABLE): no rows.
SELECT CAST(NULL AS DATE) AS usage_date, CAST(NULL AS STRING) AS endpoint_name, CAST(NULL AS DOUBLE) AS billed_cost, CAST(NULL AS STRING) AS currency_code
WHERE 1 = 0
