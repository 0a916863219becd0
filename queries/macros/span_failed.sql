-- span_failed(s): the trace span s ended in error: its status_code, status.code or status (with
-- or without the STATUS_CODE_ prefix, any case) is ERROR.
upper(coalesce(get_json_object(@s, '$.status_code'), get_json_object(@s, '$.status.code'),
  CASE WHEN NOT get_json_object(@s, '$.status') LIKE '{%' THEN get_json_object(@s, '$.status') END, '')) IN ('ERROR', 'STATUS_CODE_ERROR')
