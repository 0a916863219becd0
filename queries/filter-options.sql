-- Endpoints and served entities seen in the window, named from the latest served_entities row.
SELECT
  p.endpoint_name,
  p.served_entity_id,
  max(se.served_entity_name) AS served_entity_name,
  max(se.entity_name) AS entity_name,
  count(*) AS sampled_rows
FROM {{requests}} p
LEFT JOIN {{served_entities_latest}} se ON se.served_entity_id = p.served_entity_id
WHERE {{filters(p)}}
GROUP BY p.endpoint_name, p.served_entity_id
ORDER BY p.endpoint_name, sampled_rows DESC
