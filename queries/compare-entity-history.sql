-- Every configuration change of the served entities of the endpoint (or of all endpoints):
-- names and models of the latest row, earlier versions, and change times to mark on charts.
SELECT
  se.endpoint_name,
  se.served_entity_id,
  se.served_entity_name,
  se.entity_type,
  se.entity_name,
  se.entity_version,
  se.endpoint_config_version,
  se.created_by,
  se.change_time,
  se.endpoint_delete_time,
  CASE WHEN row_number() OVER (PARTITION BY se.served_entity_id ORDER BY se.change_time DESC) = 1 THEN true ELSE false END AS is_latest
FROM {{served_entities}} se
WHERE (:endpoint IS NULL OR se.endpoint_name = :endpoint)
ORDER BY se.endpoint_name, se.served_entity_id, se.change_time
