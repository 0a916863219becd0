-- Completeness: requests counted by endpoint_usage (one row per request) against requests the
-- payload tables logged (weighted by 1 / sampling_fraction), per bucket and status code.
-- 401/403/429/500 answers are often missing from the payload tables. endpoint_usage has no
-- endpoint name: it comes from served_entities, and only the endpoints read here count.
WITH usage_counts AS (
  SELECT
    {{time_bucket(u.request_time)}} AS bucket,
    u.status_code,
    count(*) AS usage_requests
  FROM {{endpoint_usage}} u
  LEFT JOIN {{served_entities_latest}} se ON se.served_entity_id = u.served_entity_id
  WHERE u.request_time >= CAST(:start_time AS TIMESTAMP)
    AND u.request_time < CAST(:end_time AS TIMESTAMP)
    AND {{configured_endpoint(se.endpoint_name)}}
    AND (:endpoint IS NULL OR se.endpoint_name = :endpoint)
    AND (:served_entity_id IS NULL OR u.served_entity_id = :served_entity_id)
    AND (:requester IS NULL OR u.requester = :requester)
    AND (:status_class IS NULL
      OR (:status_class = 'ok' AND u.status_code < 400)
      OR (:status_class = 'error' AND u.status_code >= 400)
      OR (:status_class = '4xx' AND u.status_code BETWEEN 400 AND 499)
      OR (:status_class = '5xx' AND u.status_code >= 500)
      OR (:status_class = '429' AND u.status_code = 429))
    AND {{usage_context_filter(u)}}
  GROUP BY 1, 2
),
payload_counts AS (
  SELECT
    {{time_bucket(p.request_time)}} AS bucket,
    p.status_code,
    sum(p.sample_weight) AS payload_requests
  FROM {{requests}} p
  WHERE {{filters(p)}}
  GROUP BY 1, 2
)
SELECT
  coalesce(uc.bucket, pc.bucket) AS bucket,
  coalesce(uc.status_code, pc.status_code) AS status_code,
  coalesce(uc.usage_requests, 0) AS usage_requests,
  coalesce(pc.payload_requests, 0) AS payload_requests
FROM usage_counts uc
FULL OUTER JOIN payload_counts pc ON pc.bucket = uc.bucket AND pc.status_code = uc.status_code
ORDER BY bucket, status_code
