-- endpoint_usage is not readable with this identity: no usage rows, so tokens and usage_context
-- come from the payload rows alone (the page says so).
SELECT
  CAST(NULL AS STRING) AS databricks_request_id,
  CAST(NULL AS BIGINT) AS input_token_count,
  CAST(NULL AS BIGINT) AS output_token_count,
  map_from_arrays(split(CAST(NULL AS STRING), ','), split(CAST(NULL AS STRING), ',')) AS usage_context,
  CAST(NULL AS BOOLEAN) AS request_streaming
WHERE 1 = 0
