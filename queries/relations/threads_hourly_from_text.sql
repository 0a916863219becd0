-- The conversations rollup (gateway_lens_threads_hourly): per hour, endpoint, served entity,
-- status and requester, each conversation's turns (thread_id, as request_text keeps it) with its
-- first and last time. Counts, minima and maxima merge over hours: the conversations list chooses
-- the most recent conversations from it without reading every turn.
SELECT
  {{rollup_hour(t.request_time)}} AS hour,
  CAST(date_trunc('hour', t.request_time) AS DATE) AS hour_date,
  t.endpoint_name, t.served_entity_id, t.status_code, t.requester, t.thread_id,
  count(*) AS turns,
  min(t.request_time) AS first_seen,
  max(t.request_time) AS last_seen
FROM {{text_rollup_input}} t
WHERE t.thread_id IS NOT NULL
GROUP BY {{rollup_hour(t.request_time)}}, CAST(date_trunc('hour', t.request_time) AS DATE), t.endpoint_name, t.served_entity_id, t.status_code, t.requester, t.thread_id
