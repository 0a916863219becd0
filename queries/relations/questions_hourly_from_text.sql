-- The questions rollup (gateway_lens_questions_hourly): per hour, endpoint, served entity and
-- status, each normalised question asked (question_key) with how often (requests weighted by
-- 1 / sampling_fraction, sampled_rows logged), when first and last, and the latest request and
-- wording. Sums, minima and maxima merge over hours; the wording and request of the latest row
-- over all hours is the one of the row with the latest last_seen.
SELECT
  {{rollup_hour(t.request_time)}} AS hour,
  CAST(date_trunc('hour', t.request_time) AS DATE) AS hour_date,
  t.endpoint_name, t.served_entity_id, t.status_code, t.question_key,
  sum(t.weight) AS requests,
  count(*) AS sampled_rows,
  min(t.request_time) AS first_seen,
  max(t.request_time) AS last_seen,
  max_by(t.last_user_text, t.request_time) AS example,
  max_by(t.databricks_request_id, t.request_time) AS latest_request_id
FROM {{text_rollup_input}} t
WHERE t.question_key IS NOT NULL
GROUP BY {{rollup_hour(t.request_time)}}, CAST(date_trunc('hour', t.request_time) AS DATE), t.endpoint_name, t.served_entity_id, t.status_code, t.question_key
