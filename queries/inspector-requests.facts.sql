-- The inspector list where the request facts and text tables cover the window: the rows of
-- inspector-requests.sql, read from what the one interpretation wrote into those tables when they
-- were built (kind, tools, trace flag, error, token counts, body sizes, last user message, answer,
-- and the searchable text a keyword's snippet is cut from), so no body is interpreted per call:
-- planning the interpretation takes DuckDB about 230 ms of every call, and running it over a page
-- 50-100 ms more. Bodies are read only for the JSON-path columns (x1…x3), raw, by
-- (request_time, id) like the page's.
WITH page_keys AS (
  -- The page as inspector-requests.sql chooses it, with the facts the list shows.
  SELECT
    p.endpoint_name, p.databricks_request_id, p.client_request_id, p.request_time, p.status_code,
    p.execution_duration_ms, p.sort_value, p.served_entity_id, p.requester, p.kind, p.has_tool_calls,
    p.tool_names, p.trace_error, p.error_code, p.error_reason, p.request_chars, p.response_chars,
    p.tokens_in, p.tokens_out, p.est_tokens_in, p.est_tokens_out
  FROM {{list_keys}} p
  {{list_page(p)}}
),
page_text AS (
  -- With a keyword, where it first occurs in the searchable text (search_key is search_text
  -- lowercased, as inspector-requests.sql lowercases its own reading).
  SELECT t.databricks_request_id, t.last_user_text, t.answer_text, t.search_text,
    CASE WHEN :q_text IS NOT NULL THEN instr(t.search_key, :q_text) END AS at
  FROM {{request_text}} t
  JOIN page_keys pk
    ON t.request_time = pk.request_time
    AND t.databricks_request_id = pk.databricks_request_id
    AND t.endpoint_name = pk.endpoint_name
  WHERE {{filters(t)}}
),
page_bodies AS (
  -- Raw bodies, only when a JSON-path column asks for them.
  SELECT p.databricks_request_id,
    CASE WHEN :x1_body = 'request' THEN p.request ELSE p.response END AS x1_doc,
    CASE WHEN :x2_body = 'request' THEN p.request ELSE p.response END AS x2_doc,
    CASE WHEN :x3_body = 'request' THEN p.request ELSE p.response END AS x3_doc
  FROM page_keys pk
  JOIN {{payload}} p
    ON p.request_time = pk.request_time
    AND p.databricks_request_id = pk.databricks_request_id
    AND p.endpoint_name = pk.endpoint_name
  WHERE (:x1_path IS NOT NULL OR :x2_path IS NOT NULL OR :x3_path IS NOT NULL)
    AND p.request_date BETWEEN CAST(:start_date AS DATE) AND CAST(:end_date AS DATE)
    AND p.request_time >= CAST(:start_time AS TIMESTAMP) AND p.request_time < CAST(:end_time AS TIMESTAMP)
),
page_cost AS (
  SELECT c.databricks_request_id, CAST(c.cost AS DOUBLE) AS cost
  FROM {{priced_requests}} c
  WHERE {{filters(c)}} AND c.databricks_request_id IN (SELECT databricks_request_id FROM page_keys)
),
counted AS (
  -- Token counts from endpoint_usage as it is now (as inspector-requests.sql reads them).
  SELECT k.*, u.input_token_count AS usage_in, u.output_token_count AS usage_out, pc.cost,
    t.last_user_text, t.answer_text, b.x1_doc, b.x2_doc, b.x3_doc, {{match_snippet(t)}} AS match_snippet
  FROM page_keys k
  LEFT JOIN page_text t ON t.databricks_request_id = k.databricks_request_id
  LEFT JOIN page_bodies b ON b.databricks_request_id = k.databricks_request_id
  LEFT JOIN {{usage_rows}} u ON u.databricks_request_id = k.databricks_request_id
  LEFT JOIN page_cost pc ON pc.databricks_request_id = k.databricks_request_id
)
SELECT
  {{list_row(k)}}
FROM counted k
LEFT JOIN {{served_entities_latest}} se ON se.served_entity_id = k.served_entity_id
ORDER BY
  {{list_order(k)}}
