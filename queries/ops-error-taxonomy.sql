-- Requests that did not end cleanly by category, detail and status code, as the one
-- interpretation reads their response bodies: guardrails (what the verdict found: personal data,
-- invalid keywords, the safety categories that are true), rate limits, external providers
-- (which), server 5xx and other 4xx (their error code), answers whose agent trace has a failed
-- span (error_detail). NULL, truncated, non-JSON or HTML bodies still land in a category. Merged
-- from the hourly error message groups (the rollup table where it answers, else computed from
-- requests).
SELECT
  g.category,
  g.detail,
  g.status_code,
  sum(g.requests) AS requests,
  sum(g.sampled_rows) AS sampled_rows,
  min(g.first_seen) AS first_seen,
  max(g.last_seen) AS last_seen
FROM {{error_messages_hourly}} g
GROUP BY g.category, g.detail, g.status_code
ORDER BY requests DESC, g.category, g.detail, g.status_code
