-- Error rate broken down by requester, by one usage_context key (endpoint_usage's map, else the
-- request body's copy, so it works without endpoint_usage) or by input size, to answer "does it
-- fail only for some inputs?". The 20 groups with the most errors, plus their traffic for the
-- rate. Requests only endpoint_usage counted (429s the payload tables never logged) are
-- attributed to their requester and usage_context like the rest, and their errors counted apart.
WITH grouped AS (
  SELECT
    CASE :by
      WHEN 'requester' THEN coalesce(p.requester, '(no requester)')
      WHEN 'usage_context' THEN coalesce(p.usage_context[:context_key], get_json_object(p.body_usage_context_json, :context_path), '(not set)')
      ELSE CASE
        WHEN array_contains(p.logging_error_codes, 'MAX_REQUEST_SIZE_EXCEEDED') THEN 'over the logging size limit'
        WHEN p.request_chars IS NULL THEN 'request not logged'
        WHEN p.request_chars < 1000 THEN 'under 1k chars'
        WHEN p.request_chars < 10000 THEN '1k–10k chars'
        WHEN p.request_chars < 100000 THEN '10k–100k chars'
        ELSE '100k+ chars'
      END
    END AS group_value,
    CASE WHEN :by = 'input_size' THEN CASE
        WHEN array_contains(p.logging_error_codes, 'MAX_REQUEST_SIZE_EXCEEDED') THEN 5
        WHEN p.request_chars IS NULL THEN 6
        WHEN p.request_chars < 1000 THEN 1
        WHEN p.request_chars < 10000 THEN 2
        WHEN p.request_chars < 100000 THEN 3
        ELSE 4
      END ELSE 0 END AS sort_key,
    p.status_code,
    p.logged,
    p.weight
  FROM {{requests}} p
  WHERE {{filters(p)}}
),
totals AS (
  SELECT
    group_value,
    min(sort_key) AS sort_key,
    sum(weight) AS requests,
    sum(CASE WHEN status_code >= 400 THEN weight ELSE 0 END) AS errors,
    sum(CASE WHEN status_code = 429 THEN weight ELSE 0 END) AS rate_limited,
    sum(CASE WHEN status_code >= 500 THEN weight ELSE 0 END) AS server_errors,
    sum(CASE WHEN status_code >= 400 AND NOT logged THEN weight ELSE 0 END) AS unlogged_errors
  FROM grouped
  GROUP BY group_value
)
SELECT
  group_value,
  sort_key,
  requests,
  errors,
  rate_limited,
  server_errors,
  unlogged_errors,
  errors / nullif(requests, 0) AS error_rate
FROM totals
ORDER BY sort_key, errors DESC, requests DESC, group_value
LIMIT 20
