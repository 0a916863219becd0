-- Endpoints and served entities seen in the window, named from the latest served_entities row;
-- counted from the hourly rollup: its table for the whole hours it covers, the requests for the rest.
SELECT
  a.endpoint_name,
  a.served_entity_id,
  max(se.served_entity_name) AS served_entity_name,
  max(se.entity_name) AS entity_name,
  sum(a.sampled_rows) AS sampled_rows
FROM {{hourly}} a
LEFT JOIN {{served_entities_latest}} se ON se.served_entity_id = a.served_entity_id
GROUP BY a.endpoint_name, a.served_entity_id
ORDER BY a.endpoint_name, sampled_rows DESC
