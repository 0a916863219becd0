-- series(a, se): the series of a row of a for :split — its endpoint, its served entity (named from
-- served_entities_latest se), its status class, or 'all'.
CASE :split
  WHEN 'endpoint' THEN @a.endpoint_name
  WHEN 'served_entity' THEN coalesce(@se.served_entity_name, @a.served_entity_id, '(none)')
  WHEN 'status' THEN {{status_class(@a.status_code)}}
  ELSE 'all'
END