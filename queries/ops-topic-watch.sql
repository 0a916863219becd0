-- Topic watch: per time bucket, estimated requests whose conversation mentions each keyword: a
-- case-insensitive substring of the text of its user and assistant turns as the one
-- interpretation reads them (request_text.search_key, lowercased: no JSON keys, system prompts,
-- vectors or trace blobs), read from the request text table where it covers the window. One pass
-- counts the five keywords side by side (no join of every row to every keyword); keywords are
-- bound values, never SQL text.
WITH filtered AS (
  SELECT
    {{time_bucket(t.request_time)}} AS bucket,
    t.weight,
    {{keyword_flags(t)}}
  FROM {{request_text}} t
  WHERE {{filters(t)}}
),
counted AS (
  SELECT
    f.bucket,
    sum(f.weight) AS all_requests,
    count(*) AS all_rows,
    sum(CASE WHEN f.m1 THEN f.weight ELSE 0 END) AS r1,
    count_if(f.m1) AS n1,
    sum(CASE WHEN f.m2 THEN f.weight ELSE 0 END) AS r2,
    count_if(f.m2) AS n2,
    sum(CASE WHEN f.m3 THEN f.weight ELSE 0 END) AS r3,
    count_if(f.m3) AS n3,
    sum(CASE WHEN f.m4 THEN f.weight ELSE 0 END) AS r4,
    count_if(f.m4) AS n4,
    sum(CASE WHEN f.m5 THEN f.weight ELSE 0 END) AS r5,
    count_if(f.m5) AS n5
  FROM filtered f
  GROUP BY f.bucket
),
per_keyword AS (
  SELECT
    c.bucket,
    coalesce(k.kw, '(all logged requests)') AS keyword,
    CASE WHEN k.kw IS NULL THEN c.all_requests WHEN k.i = 1 THEN c.r1 WHEN k.i = 2 THEN c.r2 WHEN k.i = 3 THEN c.r3 WHEN k.i = 4 THEN c.r4 ELSE c.r5 END AS requests,
    CASE WHEN k.kw IS NULL THEN c.all_rows WHEN k.i = 1 THEN c.n1 WHEN k.i = 2 THEN c.n2 WHEN k.i = 3 THEN c.n3 WHEN k.i = 4 THEN c.n4 ELSE c.n5 END AS sampled_rows
  FROM counted c
  CROSS JOIN {{topic_keywords}} k
)
SELECT bucket, keyword, requests, sampled_rows
FROM per_keyword
WHERE sampled_rows > 0
ORDER BY bucket, keyword
