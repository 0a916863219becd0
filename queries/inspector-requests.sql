-- One page of logged requests for the inspector, newest (or slowest) first, with keyset
-- pagination on (sort key, databricks_request_id) instead of OFFSET so deep pages stay cheap.
-- Previews and extraction columns are computed only for the page's rows; bodies never leave SQL.
-- The page is chosen on keys alone, then its bodies are read back by (request_time, id): the sort
-- never carries bodies, and the time match lets both engines skip files/row groups by min/max.
-- Without a keyword or tool filter the keys come from the request facts (lib/rollups), no bodies read.
WITH page_keys AS (
  SELECT p.endpoint_name, p.databricks_request_id, p.request_time, p.execution_duration_ms
  FROM {{key_rows}} p
  WHERE {{filters(p)}}
    AND (:q_pattern IS NULL
      OR lower(p.request) LIKE :q_pattern ESCAPE '!'
      OR lower(p.response) LIKE :q_pattern ESCAPE '!')
    AND (:min_duration_ms IS NULL OR p.execution_duration_ms >= :min_duration_ms)
    AND (:max_duration_ms IS NULL OR p.execution_duration_ms <= :max_duration_ms)
    AND (:has_tools IS NULL
      OR (:has_tools = 'yes') = coalesce(p.response LIKE '%"tool_calls"%' OR p.response LIKE '%"function_call"%', false))
    -- Not correlated, and guarded first: without a usage_context filter the engines skip it
    -- instead of joining every row of the window to endpoint_usage.
    AND (:usage_key IS NULL OR p.databricks_request_id IN (
      SELECT uf.databricks_request_id FROM {{usage_rows}} uf
      WHERE :usage_key IS NOT NULL
        AND uf.usage_context[:usage_key] IS NOT NULL
        AND (:usage_value IS NULL OR uf.usage_context[:usage_key] = :usage_value)))
    AND (:cursor_id IS NULL
      OR (:sort = 'time_desc' AND (p.request_time < CAST(:cursor_time AS TIMESTAMP)
        OR (p.request_time = CAST(:cursor_time AS TIMESTAMP) AND p.databricks_request_id < :cursor_id)))
      OR (:sort = 'time_asc' AND (p.request_time > CAST(:cursor_time AS TIMESTAMP)
        OR (p.request_time = CAST(:cursor_time AS TIMESTAMP) AND p.databricks_request_id > :cursor_id)))
      OR (:sort = 'duration_desc' AND (coalesce(p.execution_duration_ms, -1) < :cursor_duration
        OR (coalesce(p.execution_duration_ms, -1) = :cursor_duration AND p.databricks_request_id < :cursor_id)))
      OR (:sort = 'duration_asc' AND (coalesce(p.execution_duration_ms, -1) > :cursor_duration
        OR (coalesce(p.execution_duration_ms, -1) = :cursor_duration AND p.databricks_request_id > :cursor_id))))
  ORDER BY
    {{list_order(p)}}
  LIMIT :page_limit
),
page AS (
  SELECT
    pk.endpoint_name, pk.databricks_request_id, p.client_request_id, pk.request_time, p.status_code,
    pk.execution_duration_ms, p.served_entity_id, p.requester, p.request, p.response
  FROM page_keys pk
  JOIN {{payload}} p
    ON p.request_time = pk.request_time
    AND p.databricks_request_id = pk.databricks_request_id
    AND p.endpoint_name = pk.endpoint_name
  WHERE p.request_date BETWEEN CAST(:start_date AS DATE) AND CAST(:end_date AS DATE)
),
shaped AS (
  SELECT pg.*,
    coalesce(get_json_object(pg.request, '$.messages'), get_json_object(pg.request, '$.input')) AS history,
    json_array_length(get_json_object(pg.response, '$.output')) AS n_output,
    json_array_length(get_json_object(pg.response, '$.messages')) AS n_answer,
    CASE WHEN :x1_body = 'request' THEN pg.request ELSE pg.response END AS x1_doc,
    CASE WHEN :x2_body = 'request' THEN pg.request ELSE pg.response END AS x2_doc,
    CASE WHEN :x3_body = 'request' THEN pg.request ELSE pg.response END AS x3_doc
  FROM page pg
),
counted AS (
  SELECT s.*, json_array_length(s.history) AS n_hist FROM shaped s
),
picked AS (
  SELECT c.*, {{last_user_index(c)}} AS user_idx
  FROM counted c
)
SELECT
  k.endpoint_name,
  k.databricks_request_id,
  k.client_request_id,
  k.request_time,
  CAST(k.request_time AS STRING) AS cursor_time,
  k.status_code,
  k.execution_duration_ms,
  k.served_entity_id,
  se.served_entity_name,
  k.requester,
  coalesce(u.input_token_count, try_cast(get_json_object(k.response, '$.usage.prompt_tokens') AS BIGINT)) AS input_tokens,
  coalesce(u.output_token_count, try_cast(get_json_object(k.response, '$.usage.completion_tokens') AS BIGINT)) AS output_tokens,
  CASE
    WHEN u.input_token_count IS NOT NULL THEN 'usage'
    WHEN get_json_object(k.response, '$.usage.prompt_tokens') IS NOT NULL THEN 'response'
  END AS token_source,
  coalesce(k.response LIKE '%"tool_calls"%' OR k.response LIKE '%"function_call"%', false) AS has_tool_calls,
  left(coalesce(
    {{message_text(k, k.user_idx)}},
    get_json_object(k.request, '$.prompt'),
    get_json_object(k.request, '$.input[0]'),
    get_json_object(k.request, '$.input')
  ), 300) AS last_user_message,
  left(coalesce(
    nullif(get_json_object(k.response, '$.choices[0].message.content'), ''),
    '→ ' || get_json_object(k.response, '$.choices[0].message.tool_calls[0].function.name') || '(…)',
    get_json_object(k.response, '$.choices[0].text'),
    CASE WHEN k.n_output >= 1 THEN get_json_object(k.response, '$.output[' || CAST(k.n_output - 1 AS STRING) || '].content[0].text') END,
    CASE WHEN k.n_answer >= 1 THEN nullif(get_json_object(k.response, '$.messages[' || CAST(k.n_answer - 1 AS STRING) || '].content'), '') END,
    CASE WHEN get_json_object(k.response, '$[0].object') = 'chat.completion.chunk'
      THEN '(streamed in ' || CAST(json_array_length(k.response) AS STRING) || ' chunks)' END,
    CASE WHEN get_json_object(k.response, '$.data') IS NOT NULL
      THEN CAST(json_array_length(get_json_object(k.response, '$.data')) AS STRING) || ' embedding vector(s)' END,
    CASE WHEN get_json_object(k.response, '$.error_code') IS NOT NULL AND k.response LIKE '%guardrail_triggered%' THEN 'Blocked by a guardrail' END,
    get_json_object(k.response, '$.error_code') || ': ' || get_json_object(k.response, '$.message'),
    k.response
  ), 300) AS answer_preview,
  length(k.request) AS request_chars,
  length(k.response) AS response_chars,
  {{json_path_column(k, x1)}} AS x1,
  {{json_path_column(k, x2)}} AS x2,
  {{json_path_column(k, x3)}} AS x3
FROM picked k
-- Usage rows of the window only (an hour either side), so the engines skip the rest.
LEFT JOIN {{usage_rows}} u ON u.databricks_request_id = k.databricks_request_id
LEFT JOIN {{served_entities_latest}} se ON se.served_entity_id = k.served_entity_id
ORDER BY
  {{list_order(k)}}
