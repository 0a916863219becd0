-- The latest logged requests whose conversation mentions each keyword (as ops-topic-watch counts
-- them: the text of the user and assistant turns, case-insensitive), for the request inspector.
-- One pass tests the five keywords side by side (no join of every row to every keyword); only the
-- rows that match one are ranked. Newest first, the runner reads the newest hours of the window
-- before the whole of it (lib/catalogue/newest-first.ts).
WITH flagged AS (
  SELECT
    t.databricks_request_id, t.endpoint_name, t.request_time, t.status_code, t.requester,
    {{keyword_flags(t)}}
  FROM {{request_text}} t
  WHERE {{filters(t)}}
),
matched AS (
  SELECT
    coalesce(k.kw, '(all logged requests)') AS keyword,
    f.databricks_request_id, f.endpoint_name, f.request_time, f.status_code, f.requester,
    row_number() OVER (PARTITION BY k.i ORDER BY f.request_time DESC, f.databricks_request_id) AS rn
  FROM (SELECT * FROM flagged WHERE :kw1 IS NULL OR m1 OR m2 OR m3 OR m4 OR m5) f
  JOIN {{topic_keywords}} k
    ON k.kw IS NULL OR (k.i = 1 AND f.m1) OR (k.i = 2 AND f.m2) OR (k.i = 3 AND f.m3) OR (k.i = 4 AND f.m4) OR (k.i = 5 AND f.m5)
)
SELECT keyword, databricks_request_id, endpoint_name, request_time, status_code, requester
FROM matched
WHERE rn <= 20
ORDER BY keyword, request_time DESC, databricks_request_id
