-- list_order(p): the inspector list's :sort (newest, oldest, slowest or fastest first, or most
-- tokens or cost first by p.sort_value), ties broken by databricks_request_id, the keyset the cursor
-- continues from.
CASE WHEN :sort = 'time_desc' THEN @p.request_time END DESC,
CASE WHEN :sort = 'time_asc' THEN @p.request_time END ASC,
CASE WHEN :sort = 'duration_desc' THEN coalesce(@p.execution_duration_ms, -1) END DESC,
CASE WHEN :sort = 'duration_asc' THEN coalesce(@p.execution_duration_ms, -1) END ASC,
CASE WHEN :sort IN ('tokens_desc', 'cost_desc') THEN coalesce(@p.sort_value, -1.0) END DESC,
CASE WHEN :sort IN ('time_desc', 'duration_desc', 'tokens_desc', 'cost_desc') THEN @p.databricks_request_id END DESC,
CASE WHEN :sort IN ('time_asc', 'duration_asc') THEN @p.databricks_request_id END ASC
