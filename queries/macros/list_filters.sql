-- list_filters(p): the inspector list's own filters on its key rows p (keyword, duration, tools,
-- trace failure, usage_context), the ones the list's page and its match count share. The
-- sub-selects are not correlated and are guarded first: without their filter the engines skip
-- them instead of reading every request of the window. The keyword is matched in the text of the
-- user and assistant turns (search_key, lowercased as :q_text is), never in JSON keys or system
-- prompts: a plain substring test (a LIKE pattern with an escape character took DuckDB 3–4 s over
-- the 1.7M texts of a week at 10M, where contains takes 0.2 s).
(:min_duration_ms IS NULL OR @p.execution_duration_ms >= :min_duration_ms)
AND (:max_duration_ms IS NULL OR @p.execution_duration_ms <= :max_duration_ms)
AND (:q_text IS NULL OR @p.databricks_request_id IN (
  SELECT t.databricks_request_id FROM {{request_text}} t
  WHERE :q_text IS NOT NULL AND {{filters(t)}} AND contains(t.search_key, :q_text)))
AND (:has_tools IS NULL OR @p.databricks_request_id IN (
  SELECT f.databricks_request_id FROM {{requests}} f
  WHERE :has_tools IS NOT NULL AND {{filters(f)}} AND f.logged AND coalesce(f.has_tool_calls, false) = (:has_tools = 'yes')))
AND (:trace_failed IS NULL OR @p.databricks_request_id IN (
  SELECT f.databricks_request_id FROM {{requests}} f
  WHERE :trace_failed IS NOT NULL AND {{filters(f)}} AND f.logged AND coalesce(f.trace_error, false) = (:trace_failed = 'yes')))
AND (:usage_key IS NULL OR @p.databricks_request_id IN (
  SELECT uf.databricks_request_id FROM {{usage_rows}} uf
  WHERE :usage_key IS NOT NULL
    AND uf.usage_context[:usage_key] IS NOT NULL
    AND (:usage_value IS NULL OR uf.usage_context[:usage_key] = :usage_value)))
