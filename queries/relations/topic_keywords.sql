-- The topic watch's keywords (:kw1 … :kw5, bound values, never SQL text), one row each with its
-- position (i). With no keyword at all, one NULL row stands for every logged request (a baseline).
SELECT i, kw FROM (
  SELECT 1 AS i, CAST(:kw1 AS STRING) AS kw
  UNION ALL SELECT 2, CAST(:kw2 AS STRING)
  UNION ALL SELECT 3, CAST(:kw3 AS STRING)
  UNION ALL SELECT 4, CAST(:kw4 AS STRING)
  UNION ALL SELECT 5, CAST(:kw5 AS STRING)
) k
WHERE kw IS NOT NULL OR (i = 1 AND :kw1 IS NULL)
