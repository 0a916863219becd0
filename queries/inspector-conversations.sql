-- Conversations in the window, by the thread rule of the request detail (thread_key: the
-- conversation id, else the agent's, else client_request_id without its turn number, else
-- requester + endpoint + day + first user message; request_text keeps its md5 as thread_id):
-- turns, first and last time, tokens (as the list counts them) and cost (as finance prices it;
-- NULL when no turn is priced). Only md5 of the key leaves SQL (the history key holds message
-- text). Most recent, most tokens or dearest first. Everything is merged from the hourly
-- conversation groups (threads_hourly: per conversation, hour, endpoint, served entity, status
-- and requester, its turns, first and last time, latest request, tokens and the terms spend is
-- made of), so no turn is read: reading and pricing every turn of a month took 2.7 s at 10M.
WITH thread_groups AS (
  SELECT * FROM {{threads_hourly}}
),
group_prices AS (
  -- The price of each served entity on each day the groups hold: a group is one of each, so it
  -- has one price (looked up once per pair, not once per group).
  SELECT p.served_entity_id, p.request_date, {{price_columns()}}
  FROM (SELECT DISTINCT served_entity_id, hour_date AS request_date FROM thread_groups) p
  {{price_joins(p)}}
),
priced_groups AS (
  -- Each group priced as priced_requests prices its turns one by one; NULL when unpriced or when
  -- no turn has counts.
  SELECT g.*,
    CASE WHEN pr.price_model IS NULL OR g.tokened_turns = 0 THEN NULL ELSE {{spend(g, pr)}} END AS cost,
    CASE WHEN pr.price_model IS NULL THEN 0 ELSE g.tokened_turns END AS priced_turns
  FROM thread_groups g
  LEFT JOIN group_prices pr ON pr.served_entity_id = g.served_entity_id AND pr.request_date = g.hour_date
),
totals AS (
  -- What choosing needs, per conversation: numbers only (the names and ids are merged below for
  -- the conversations shown).
  SELECT thread_id, sum(turns) AS turns, max(last_seen) AS last_seen, sum(tokens) AS tokens, sum(cost) AS cost
  FROM priced_groups
  GROUP BY thread_id
),
chosen AS (
  -- Cost is compared to a billionth of a unit, here and below, so sums added in another order
  -- rank alike.
  SELECT thread_id FROM totals
  WHERE turns >= :min_turns
  ORDER BY
    CASE WHEN :sort = 'tokens' THEN tokens END DESC,
    CASE WHEN :sort = 'cost' THEN coalesce(round(cost, 9), -1.0) END DESC,
    last_seen DESC,
    thread_id
  LIMIT :top_n
),
threads AS (
  -- The latest turn's requester, request and endpoint are those of the group with the latest time.
  SELECT
    thread_id,
    min(thread_source) AS thread_source,
    sum(turns) AS turns,
    min(first_seen) AS first_seen,
    max(last_seen) AS last_seen,
    count(DISTINCT endpoint_name) AS endpoints,
    max_by(requester, last_seen) AS requester,
    sum(tokens) AS tokens,
    sum(cost) AS cost,
    sum(priced_turns) AS priced_turns,
    max_by(latest_request_id, last_seen) AS latest_request_id,
    max_by(endpoint_name, last_seen) AS latest_endpoint
  FROM priced_groups
  WHERE thread_id IN (SELECT thread_id FROM chosen)
  GROUP BY thread_id
)
SELECT
  t.thread_id, t.thread_source, t.turns, t.first_seen, t.last_seen, t.endpoints, t.requester,
  t.tokens, t.cost, t.priced_turns, t.latest_request_id, t.latest_endpoint
FROM threads t
ORDER BY
  CASE WHEN :sort = 'tokens' THEN t.tokens END DESC,
  CASE WHEN :sort = 'cost' THEN coalesce(round(t.cost, 9), -1.0) END DESC,
  t.last_seen DESC,
  t.thread_id
LIMIT :top_n
