-- list_cursor(p): whether key row p comes after the inspector list's cursor (:cursor_time,
-- :cursor_duration or :cursor_value, then :cursor_id) in its :sort order; every row without a cursor.
(:cursor_id IS NULL
  OR (:sort = 'time_desc' AND (@p.request_time < CAST(:cursor_time AS TIMESTAMP)
    OR (@p.request_time = CAST(:cursor_time AS TIMESTAMP) AND @p.databricks_request_id < :cursor_id)))
  OR (:sort = 'time_asc' AND (@p.request_time > CAST(:cursor_time AS TIMESTAMP)
    OR (@p.request_time = CAST(:cursor_time AS TIMESTAMP) AND @p.databricks_request_id > :cursor_id)))
  OR (:sort = 'duration_desc' AND (coalesce(@p.execution_duration_ms, -1) < :cursor_duration
    OR (coalesce(@p.execution_duration_ms, -1) = :cursor_duration AND @p.databricks_request_id < :cursor_id)))
  OR (:sort = 'duration_asc' AND (coalesce(@p.execution_duration_ms, -1) > :cursor_duration
    OR (coalesce(@p.execution_duration_ms, -1) = :cursor_duration AND @p.databricks_request_id > :cursor_id)))
  OR (:sort IN ('tokens_desc', 'cost_desc') AND (coalesce(@p.sort_value, -1.0) < :cursor_value
    OR (coalesce(@p.sort_value, -1.0) = :cursor_value AND @p.databricks_request_id < :cursor_id))))
