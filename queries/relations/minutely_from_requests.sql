-- The per-minute rollup (gateway_lens_minutely): requests per minute, endpoint, served entity
-- and status, so the busiest minute of any bucket is exact.
SELECT
  {{rollup_hour(f.request_time)}} AS hour,
  CAST(date_trunc('hour', f.request_time) AS DATE) AS hour_date,
  f.endpoint_name, f.served_entity_id, f.status_code,
  date_trunc('minute', f.request_time) AS minute,
  count_if(f.logged) AS sampled_rows,
  sum(f.weight) AS requests
FROM {{rollup_input}} f
GROUP BY {{rollup_hour(f.request_time)}}, CAST(date_trunc('hour', f.request_time) AS DATE), f.endpoint_name, f.served_entity_id, f.status_code, date_trunc('minute', f.request_time)
