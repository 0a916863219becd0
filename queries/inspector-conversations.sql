-- Conversations in the window, by the thread rule of the request detail (thread_key: the
-- conversation id, else the agent's, else client_request_id without its turn number, else
-- requester + endpoint + day + first user message; request_text keeps its md5 as thread_id):
-- turns, first and last time, tokens (as the list counts them) and cost (as finance prices it;
-- NULL when no turn is priced). Only md5 of the key leaves SQL (the history key holds message
-- text). Most recent, most tokens or dearest first. Most recent first needs no tokens to choose:
-- only the shown conversations' turns are grouped whole and priced then (pricing every request
-- of a month took seconds at 10M, and grouping every conversation with all its columns 1.8 s);
-- sorted by tokens or cost, every turn is.
WITH keyed AS (
  SELECT t.endpoint_name, t.databricks_request_id, t.request_time, t.requester, t.thread_id, t.thread_source
  FROM {{request_text}} t
  WHERE {{filters(t)}}
    AND t.thread_id IS NOT NULL
),
threads_all AS (
  -- What choosing the most recent conversations needs (each one's turns, first and last time):
  -- the hourly conversation groups (the rollup table for whole hours, else computed from the
  -- texts); the full grouping below is only for the chosen conversations.
  SELECT h.thread_id, min(h.first_seen) AS first_seen, max(h.last_seen) AS last_seen
  FROM {{threads_hourly}} h
  WHERE :sort NOT IN ('tokens', 'cost')
  GROUP BY h.thread_id
  HAVING sum(h.turns) >= :min_turns
),
recent AS (
  SELECT thread_id, first_seen FROM threads_all
  WHERE :sort NOT IN ('tokens', 'cost')
  ORDER BY last_seen DESC, thread_id
  LIMIT :top_n
),
-- The turns of the conversations listed: all of them when the sort needs every conversation's
-- tokens, else only the most recent conversations' turns.
threads_input AS (
  SELECT k.* FROM keyed k
  WHERE :sort IN ('tokens', 'cost')
  UNION ALL
  SELECT t.endpoint_name, t.databricks_request_id, t.request_time, t.requester, t.thread_id, t.thread_source
  FROM {{request_text}} t
  WHERE {{filters(t)}}
    AND :sort NOT IN ('tokens', 'cost')
    AND t.thread_id IN (SELECT thread_id FROM recent)
    -- No turn of the chosen conversations is older than their first: the older text is skipped.
    AND t.request_time >= (SELECT min(first_seen) FROM recent)
),
threads AS (
  SELECT
    thread_id,
    min(thread_source) AS thread_source,
    count(*) AS turns,
    min(request_time) AS first_seen,
    max(request_time) AS last_seen,
    count(DISTINCT endpoint_name) AS endpoints,
    max_by(requester, request_time) AS requester,
    max_by(databricks_request_id, request_time) AS latest_request_id,
    max_by(endpoint_name, request_time) AS latest_endpoint
  FROM threads_input
  GROUP BY thread_id
  HAVING count(*) >= :min_turns
),
-- The turns whose tokens and cost are summed: the listed conversations' (threads_input).
shown_turns AS (
  SELECT thread_id, databricks_request_id, request_time FROM threads_input
),
priced AS (
  -- Every turn when the sort needs them all; else only the shown conversations' turns.
  SELECT pr.databricks_request_id, pr.input_tokens, pr.output_tokens, CAST(pr.cost AS DOUBLE) AS cost
  FROM {{priced_requests}} pr
  WHERE {{filters(pr)}}
    AND :sort IN ('tokens', 'cost')
  UNION ALL
  -- Joined on the time too: the engine bounds the request facts it reads by the shown turns'
  -- first and last time (a join filter), instead of reading the window's facts for their ids.
  SELECT pr.databricks_request_id, pr.input_tokens, pr.output_tokens, CAST(pr.cost AS DOUBLE) AS cost
  FROM {{priced_requests}} pr
  JOIN shown_turns st ON st.databricks_request_id = pr.databricks_request_id AND st.request_time = pr.request_time
  WHERE {{filters(pr)}}
    AND :sort NOT IN ('tokens', 'cost')
),
spend AS (
  SELECT
    u.thread_id,
    sum(coalesce(p.input_tokens, 0) + coalesce(p.output_tokens, 0)) AS tokens,
    sum(p.cost) AS cost,
    count(p.cost) AS priced_turns
  FROM shown_turns u
  LEFT JOIN priced p ON p.databricks_request_id = u.databricks_request_id
  GROUP BY u.thread_id
)
SELECT
  t.thread_id, t.thread_source, t.turns, t.first_seen, t.last_seen, t.endpoints, t.requester,
  s.tokens, s.cost, s.priced_turns, t.latest_request_id, t.latest_endpoint
FROM threads t
JOIN spend s ON s.thread_id = t.thread_id
ORDER BY
  CASE WHEN :sort = 'tokens' THEN s.tokens END DESC,
  CASE WHEN :sort = 'cost' THEN coalesce(s.cost, -1.0) END DESC,
  t.last_seen DESC,
  t.thread_id
LIMIT :top_n
