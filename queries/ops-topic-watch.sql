-- Topic watch: per time bucket, estimated requests whose conversation mentions each keyword: a
-- case-insensitive substring of the text of its user and assistant turns as the one
-- interpretation reads them (request_text.search_key, lowercased: no JSON keys, system prompts, vectors or
-- trace blobs), read from the request text table where it covers the window. Keywords are bound
-- values, never SQL text.
WITH filtered AS (
  SELECT
    {{time_bucket(t.request_time)}} AS bucket,
    t.search_key AS body,
    t.weight
  FROM {{request_text}} t
  WHERE {{filters(t)}}
)
SELECT
  f.bucket,
  coalesce(k.kw, '(all logged requests)') AS keyword,
  sum(f.weight) AS requests,
  count(*) AS sampled_rows
FROM filtered f
JOIN {{topic_keywords}} k ON k.kw IS NULL OR instr(f.body, lower(k.kw)) > 0
GROUP BY f.bucket, coalesce(k.kw, '(all logged requests)')
ORDER BY f.bucket, keyword
