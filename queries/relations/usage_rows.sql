-- endpoint_usage rows that can match the payload rows in scope: the window and an hour either
-- side (a request is logged in both, at nearly the same time), so the usage table is pruned too.
SELECT u_all.databricks_request_id, u_all.input_token_count, u_all.output_token_count, u_all.usage_context, u_all.request_streaming
FROM {{endpoint_usage}} u_all
WHERE {{usage_scope(u_all)}}
