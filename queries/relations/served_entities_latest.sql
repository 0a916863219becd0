-- served_entities keeps one row per change of a served entity: joins see only its latest row,
-- or they would multiply requests.
SELECT * FROM (
  SELECT se_all.*, row_number() OVER (PARTITION BY se_all.served_entity_id ORDER BY se_all.change_time DESC) AS se_rank
  FROM {{served_entities}} se_all
) se_ranked
WHERE se_rank = 1
