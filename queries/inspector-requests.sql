-- One page of logged requests for the inspector, newest (or slowest) first, with keyset
-- pagination on (sort key, databricks_request_id) instead of OFFSET so deep pages stay cheap.
-- The page is chosen on keys alone, then its bodies are read back by (request_time, id): the sort
-- never carries bodies, and the time match lets both engines skip files/row groups by min/max.
-- Its rows are read by the one interpretation (payload_steps), so the previews, tools, trace flag
-- and tokens are what the detail page shows; bodies never leave SQL. Keyword, tool and trace
-- filters read the request text and facts (their tables when rollups cover the window).
WITH page_keys AS (
  SELECT p.endpoint_name, p.databricks_request_id, p.request_time, p.execution_duration_ms
  FROM {{key_rows}} p
  WHERE {{filters(p)}}
    AND (:min_duration_ms IS NULL OR p.execution_duration_ms >= :min_duration_ms)
    AND (:max_duration_ms IS NULL OR p.execution_duration_ms <= :max_duration_ms)
    -- Not correlated, and guarded first: without their filter the engines skip them instead of
    -- reading every request of the window. The keyword is matched in the text of the user and
    -- assistant turns (search_text), never in JSON keys or system prompts.
    AND (:q_pattern IS NULL OR p.databricks_request_id IN (
      SELECT t.databricks_request_id FROM {{request_text}} t
      WHERE :q_pattern IS NOT NULL AND {{filters(t)}} AND lower(t.search_text) LIKE :q_pattern ESCAPE '!'))
    AND (:has_tools IS NULL OR p.databricks_request_id IN (
      SELECT f.databricks_request_id FROM {{requests}} f
      WHERE :has_tools IS NOT NULL AND {{filters(f)}} AND f.logged AND coalesce(f.has_tool_calls, false) = (:has_tools = 'yes')))
    AND (:trace_failed IS NULL OR p.databricks_request_id IN (
      SELECT f.databricks_request_id FROM {{requests}} f
      WHERE :trace_failed IS NOT NULL AND {{filters(f)}} AND f.logged AND coalesce(f.trace_error, false) = (:trace_failed = 'yes')))
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
{{payload_steps(page)}},
page_read AS (
  SELECT r.*, {{payload_fields(r)}},
    CASE WHEN :x1_body = 'request' THEN r.request ELSE r.response END AS x1_doc,
    CASE WHEN :x2_body = 'request' THEN r.request ELSE r.response END AS x2_doc,
    CASE WHEN :x3_body = 'request' THEN r.request ELSE r.response END AS x3_doc
  FROM read_output r
),
counted AS (
  -- Usage rows of the window only (an hour either side), so the engines skip the rest.
  SELECT k.*, u.input_token_count AS usage_in, u.output_token_count AS usage_out
  FROM page_read k
  LEFT JOIN {{usage_rows}} u ON u.databricks_request_id = k.databricks_request_id
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
  {{token_count(k, usage_in, tokens_in, est_tokens_in)}} AS input_tokens,
  {{token_count(k, usage_out, tokens_out, est_tokens_out)}} AS output_tokens,
  {{token_origin(k)}} AS token_source,
  k.kind,
  k.has_tool_calls,
  k.trace_error,
  left(k.last_user_text, 300) AS last_user_message,
  left({{answer_preview(k)}}, 300) AS answer_preview,
  length(k.request) AS request_chars,
  length(k.response) AS response_chars,
  {{json_path_column(k, x1)}} AS x1,
  {{json_path_column(k, x2)}} AS x2,
  {{json_path_column(k, x3)}} AS x3
FROM counted k
LEFT JOIN {{served_entities_latest}} se ON se.served_entity_id = k.served_entity_id
ORDER BY
  {{list_order(k)}}
