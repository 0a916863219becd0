-- The requests a usage_context filter keeps (:uc1_key = :uc1_value, and :uc2_key = :uc2_value
-- when given; a NULL value keeps any value of the key), read as finance reads a usage_context
-- key: endpoint_usage's map, else the copy in the request body.
SELECT r.databricks_request_id
FROM {{requests}} r
WHERE r.request_time >= CAST(:start_time AS TIMESTAMP)
  AND r.request_time < CAST(:end_time AS TIMESTAMP)
  AND (:uc1_key IS NULL OR coalesce(r.usage_context[:uc1_key], get_json_object(r.body_usage_context_json, :uc1_path)) = :uc1_value
    OR (:uc1_value IS NULL AND coalesce(r.usage_context[:uc1_key], get_json_object(r.body_usage_context_json, :uc1_path)) IS NOT NULL))
  AND (:uc2_key IS NULL OR coalesce(r.usage_context[:uc2_key], get_json_object(r.body_usage_context_json, :uc2_path)) = :uc2_value
    OR (:uc2_value IS NULL AND coalesce(r.usage_context[:uc2_key], get_json_object(r.body_usage_context_json, :uc2_path)) IS NOT NULL))
