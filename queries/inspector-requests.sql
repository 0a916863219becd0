-- One page of logged requests for the inspector, newest (or slowest, or most tokens, or dearest)
-- first, with keyset pagination on (sort key, databricks_request_id) instead of OFFSET so deep pages stay cheap.
-- The page is chosen on keys alone, then its bodies are read back by (request_time, id): the sort
-- never carries bodies, and the time match lets both engines skip files/row groups by min/max.
-- Its rows are read by the one interpretation (payload_steps), so the previews, tools, trace flag
-- and tokens are what the detail page shows; bodies never leave SQL. Keyword, tool and trace
-- filters read the request text and facts (their tables when rollups cover the window). With a
-- keyword, each row carries a snippet of its searchable text around the first match.
WITH sort_values AS (
  -- Tokens (in + out, as the list shows them) or cost (as finance prices it, per request) of each
  -- request in the window, read only when the list sorts by them; NULL sorts last as -1.
  SELECT s.databricks_request_id,
    CASE WHEN :sort = 'tokens_desc' THEN
      CASE WHEN s.input_tokens IS NULL AND s.output_tokens IS NULL THEN -1.0
        ELSE CAST(coalesce(s.input_tokens, 0) + coalesce(s.output_tokens, 0) AS DOUBLE) END
      ELSE coalesce(CAST(s.cost AS DOUBLE), -1.0) END AS sort_value
  FROM {{priced_requests}} s
  WHERE :sort IN ('tokens_desc', 'cost_desc') AND {{filters(s)}}
),
page_keys AS (
  SELECT p.endpoint_name, p.databricks_request_id, p.request_time, p.execution_duration_ms, p.sort_value
  FROM (
    SELECT kr.*, sv.sort_value
    FROM {{key_rows}} kr
    LEFT JOIN sort_values sv ON sv.databricks_request_id = kr.databricks_request_id
  ) p
  WHERE {{filters(p)}}
    AND {{list_filters(p)}}
    AND (:cursor_id IS NULL
      OR (:sort = 'time_desc' AND (p.request_time < CAST(:cursor_time AS TIMESTAMP)
        OR (p.request_time = CAST(:cursor_time AS TIMESTAMP) AND p.databricks_request_id < :cursor_id)))
      OR (:sort = 'time_asc' AND (p.request_time > CAST(:cursor_time AS TIMESTAMP)
        OR (p.request_time = CAST(:cursor_time AS TIMESTAMP) AND p.databricks_request_id > :cursor_id)))
      OR (:sort = 'duration_desc' AND (coalesce(p.execution_duration_ms, -1) < :cursor_duration
        OR (coalesce(p.execution_duration_ms, -1) = :cursor_duration AND p.databricks_request_id < :cursor_id)))
      OR (:sort = 'duration_asc' AND (coalesce(p.execution_duration_ms, -1) > :cursor_duration
        OR (coalesce(p.execution_duration_ms, -1) = :cursor_duration AND p.databricks_request_id > :cursor_id)))
      OR (:sort IN ('tokens_desc', 'cost_desc') AND (coalesce(p.sort_value, -1.0) < :cursor_value
        OR (coalesce(p.sort_value, -1.0) = :cursor_value AND p.databricks_request_id < :cursor_id))))
  ORDER BY
    {{list_order(p)}}
  LIMIT :page_limit
),
page AS (
  SELECT
    pk.endpoint_name, pk.databricks_request_id, p.client_request_id, pk.request_time, p.status_code,
    pk.execution_duration_ms, pk.sort_value, p.served_entity_id, p.requester, p.request, p.response
  FROM page_keys pk
  JOIN {{payload}} p
    ON p.request_time = pk.request_time
    AND p.databricks_request_id = pk.databricks_request_id
    AND p.endpoint_name = pk.endpoint_name
  -- The page lies in the window: its bounds (bound values) let zone maps skip the other hours of
  -- the window's days (a newest-first slice is a few hours of them).
  WHERE p.request_date BETWEEN CAST(:start_date AS DATE) AND CAST(:end_date AS DATE)
    AND p.request_time >= CAST(:start_time AS TIMESTAMP) AND p.request_time < CAST(:end_time AS TIMESTAMP)
),
{{payload_steps(page)}},
page_read AS (
  SELECT r.*, {{payload_fields(r)}},
    CASE WHEN :x1_body = 'request' THEN r.request ELSE r.response END AS x1_doc,
    CASE WHEN :x2_body = 'request' THEN r.request ELSE r.response END AS x2_doc,
    CASE WHEN :x3_body = 'request' THEN r.request ELSE r.response END AS x3_doc
  FROM read_output r
),
matched AS (
  -- Where the keyword first occurs in the page's rows' searchable text, as their own reading has
  -- it (the text table keeps it lowercased, for matching only).
  SELECT r.databricks_request_id, r.search_text, instr(lower(r.search_text), :q_text) AS at
  FROM page_read r
  WHERE :q_text IS NOT NULL
),
page_cost AS (
  -- What the page's requests cost, priced as finance prices them; NULL when unpriced.
  SELECT c.databricks_request_id, CAST(c.cost AS DOUBLE) AS cost
  FROM {{priced_requests}} c
  WHERE {{filters(c)}} AND c.databricks_request_id IN (SELECT databricks_request_id FROM page_keys)
),
counted AS (
  -- Usage rows of the window only (an hour either side), so the engines skip the rest.
  SELECT k.*, u.input_token_count AS usage_in, u.output_token_count AS usage_out, pc.cost,
    -- 80 characters before the match and 120 after it, with an ellipsis where the text goes on.
    CASE WHEN m.at > 0 THEN concat(
      CASE WHEN m.at > 81 THEN '…' ELSE '' END,
      substring(m.search_text, greatest(1, m.at - 80), least(m.at - 1, 80) + length(:q_text) + 120),
      CASE WHEN m.at + length(:q_text) + 120 <= length(m.search_text) THEN '…' ELSE '' END) END AS match_snippet
  FROM page_read k
  LEFT JOIN {{usage_rows}} u ON u.databricks_request_id = k.databricks_request_id
  LEFT JOIN matched m ON m.databricks_request_id = k.databricks_request_id
  LEFT JOIN page_cost pc ON pc.databricks_request_id = k.databricks_request_id
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
  k.cost,
  coalesce(k.sort_value, -1.0) AS sort_value,
  k.kind,
  k.has_tool_calls,
  k.trace_error,
  left(k.last_user_text, 300) AS last_user_message,
  left({{answer_preview(k)}}, 300) AS answer_preview,
  k.match_snippet,
  length(k.request) AS request_chars,
  length(k.response) AS response_chars,
  {{json_path_column(k, x1)}} AS x1,
  {{json_path_column(k, x2)}} AS x2,
  {{json_path_column(k, x3)}} AS x3
FROM counted k
LEFT JOIN {{served_entities_latest}} se ON se.served_entity_id = k.served_entity_id
ORDER BY
  {{list_order(k)}}
