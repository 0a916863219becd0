-- Requesters seen in the window, the busiest first, with their requests (endpoint_usage first, so
-- a sender whose requests were never logged is here too): what the requester filter offers and
-- searches by name or id.
SELECT
  p.requester,
  sum(p.weight) AS requests,
  sum(CASE WHEN p.status_code >= 400 THEN p.weight ELSE 0 END) AS errors
FROM {{requests}} p
WHERE {{filters(p)}}
  AND p.requester IS NOT NULL
GROUP BY p.requester
ORDER BY requests DESC, p.requester
LIMIT 500
