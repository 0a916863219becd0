-- served_entities is not readable with this identity: no names, so served entities are shown by
-- their id (the columns the queries read, each NULL).
SELECT
  CAST(NULL AS STRING) AS served_entity_id,
  CAST(NULL AS STRING) AS endpoint_name,
  CAST(NULL AS STRING) AS served_entity_name,
  CAST(NULL AS STRING) AS entity_name,
  CAST(NULL AS STRING) AS entity_type,
  CAST(NULL AS STRING) AS entity_version,
  CAST(NULL AS STRING) AS task,
  CAST(NULL AS TIMESTAMP) AS change_time,
  1 AS se_rank
WHERE 1 = 0
