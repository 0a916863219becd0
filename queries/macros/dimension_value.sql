-- dimension_value(pr): a priced request's value of the finance dimension :dimension — a
-- usage_context key (:context_key), requester, endpoint, served entity or priced model —
-- '(not set)' when it has none.
coalesce(CASE :dimension
  WHEN 'context' THEN @pr.context_value
  WHEN 'requester' THEN @pr.requester
  WHEN 'endpoint' THEN @pr.endpoint_name
  WHEN 'served_entity' THEN coalesce(@pr.served_entity_name, @pr.served_entity_id)
  ELSE coalesce(@pr.price_model, @pr.entity_name, @pr.served_entity_id)
END, '(not set)')
