-- The most frequent error messages, with ids, hex runs and numbers folded so one cause is one
-- line (message_pattern of error_message: the true reason the one interpretation reads — a
-- provider's own message, decoded from nested JSON; an HTML page's text; a guardrail's findings;
-- a non-JSON body itself). Two example request ids per message for the inspector. Merged from the
-- hourly error message groups (the rollup table where it answers, else computed from requests).
SELECT
  g.message_pattern,
  g.category,
  sum(g.requests) AS requests,
  sum(g.sampled_rows) AS sampled_rows,
  min(g.first_seen) AS first_seen,
  max(g.last_seen) AS last_seen,
  min(g.example_request_id) AS example_request_id,
  max(g.other_example_request_id) AS other_example_request_id,
  min_by(g.example_endpoint, g.example_request_id) AS example_endpoint,
  max_by(g.other_example_endpoint, g.other_example_request_id) AS other_example_endpoint
FROM {{error_messages_hourly}} g
GROUP BY g.message_pattern, g.category
ORDER BY requests DESC, g.message_pattern
LIMIT 50
