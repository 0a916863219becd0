-- Requests endpoint_usage counted that no payload table logged: a 401, 403 or 429 the gateway
-- answered before logging, a 500, or one that sampling left out. Usage tracking is not sampled,
-- so each is exactly one request, with its requester, status, tokens and usage_context; there is
-- no body to read or open. endpoint_usage has no endpoint name: it comes from served_entities,
-- and only requests of the endpoints whose payload tables are configured count.
SELECT {{fact_columns_from(x, endpoint_name, databricks_request_id, client_request_id, request_date, request_time, status_code, served_entity_id, requester, weight, error_category, guardrail_blocked, in_usage, usage_in, usage_out, usage_context, sample_weight, logged)}}
FROM (
  SELECT
    se.endpoint_name,
    u.databricks_request_id,
    u.client_request_id,
    CAST(u.request_time AS DATE) AS request_date,
    u.request_time,
    u.status_code,
    u.served_entity_id,
    u.requester,
    1.0 AS weight,
    CASE
      WHEN u.status_code < 400 THEN 'ok'
      WHEN u.status_code = 429 THEN 'rate_limited'
      WHEN u.status_code >= 500 THEN 'server_5xx'
      ELSE 'client_4xx'
    END AS error_category,
    0 AS guardrail_blocked,
    TRUE AS in_usage,
    u.input_token_count AS usage_in,
    u.output_token_count AS usage_out,
    u.usage_context,
    0.0 AS sample_weight,
    FALSE AS logged
  FROM {{endpoint_usage}} u
  JOIN {{served_entities_latest}} se ON se.served_entity_id = u.served_entity_id
  WHERE {{configured_endpoint(se.endpoint_name)}}
    AND {{usage_scope(u)}}
    AND NOT EXISTS (
      SELECT 1 FROM {{payload}} pl
      WHERE pl.databricks_request_id = u.databricks_request_id
        AND {{usage_scope(pl)}})
) x
WHERE {{facts_scope(x)}}
