-- One page of logged requests for the inspector, newest (or slowest, or most tokens, or dearest)
-- first, with keyset pagination on (sort key, databricks_request_id) instead of OFFSET so deep pages stay cheap.
-- The page is chosen on keys alone, then its bodies are read back by (request_time, id): the sort
-- never carries bodies, and the time match lets both engines skip files/row groups by min/max.
-- Its rows are read by the one interpretation (payload_steps), so the previews, tools, trace flag
-- and tokens are what the detail page shows; bodies never leave SQL. Keyword, tool and trace
-- filters read the request text and facts (their tables when rollups cover the window). With a
-- keyword, each row carries a snippet of its searchable text around the first match.
WITH page_keys AS (
  SELECT p.endpoint_name, p.databricks_request_id, p.request_time, p.execution_duration_ms, p.sort_value
  FROM {{list_keys}} p
  {{list_page(p)}}
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
    length(k.request) AS request_chars, length(k.response) AS response_chars,
    {{match_snippet(m)}} AS match_snippet
  FROM page_read k
  LEFT JOIN {{usage_rows}} u ON u.databricks_request_id = k.databricks_request_id
  LEFT JOIN matched m ON m.databricks_request_id = k.databricks_request_id
  LEFT JOIN page_cost pc ON pc.databricks_request_id = k.databricks_request_id
)
SELECT
  {{list_row(k)}}
FROM counted k
LEFT JOIN {{served_entities_latest}} se ON se.served_entity_id = k.served_entity_id
ORDER BY
  {{list_order(k)}}
