-- The error message rollup (gateway_lens_error_messages_hourly): requests that did not end
-- cleanly (outcome), per hour, endpoint, served entity, status, requester, outcome, taxonomy
-- detail (error_detail) and message pattern (error_message folded by message_pattern), with
-- their first and last time and, as examples for the inspector, the smallest and largest request
-- id with its endpoint. Every measure merges across hours and groups (sums, min, max, the
-- endpoint of the min or max id).
SELECT
  m.hour, m.hour_date, m.endpoint_name, m.served_entity_id, m.status_code, m.requester, m.category, m.detail, m.message_pattern,
  sum(m.weight) AS requests,
  count(*) AS sampled_rows,
  min(m.request_time) AS first_seen,
  max(m.request_time) AS last_seen,
  min(m.databricks_request_id) AS example_request_id,
  min_by(m.endpoint_name, m.databricks_request_id) AS example_endpoint,
  max(m.databricks_request_id) AS other_example_request_id,
  max_by(m.endpoint_name, m.databricks_request_id) AS other_example_endpoint
FROM (
  SELECT e.*, {{message_pattern(e.message)}} AS message_pattern
  FROM (
    SELECT c.*, {{error_message(c)}} AS message, {{error_detail(c)}} AS detail
    FROM (
      SELECT
        {{rollup_hour(f.request_time)}} AS hour,
        CAST(date_trunc('hour', f.request_time) AS DATE) AS hour_date,
        f.endpoint_name, f.served_entity_id, f.status_code, f.requester, f.request_time, f.databricks_request_id, f.weight,
        {{outcome(f)}} AS category,
        f.response_chars, f.error_code, f.error_format, f.error_reason, f.error_provider
      FROM {{rollup_input}} f
      WHERE {{outcome(f)}} <> 'ok'
    ) c
  ) e
) m
GROUP BY m.hour, m.hour_date, m.endpoint_name, m.served_entity_id, m.status_code, m.requester, m.category, m.detail, m.message_pattern
