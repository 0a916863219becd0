-- Requesters (users by email, service principals by application id) with requests in the window,
-- busiest first: the filter bar's requester choices, under the other filters but not a requester one.
SELECT
  p.requester,
  sum({{weight(p)}}) AS requests,
  max(p.request_time) AS last_seen
FROM {{requests}} p
WHERE {{filters(p)}}
  AND p.requester IS NOT NULL
GROUP BY p.requester
ORDER BY requests DESC, p.requester
LIMIT 500
