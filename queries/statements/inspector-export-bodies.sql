-- Bodies of one page of the filtered inspector list, for the JSONL export; :ids is ",id1,id2,…,".
SELECT p.databricks_request_id, p.request, p.response, p.status_code
FROM {{payload}} p
WHERE {{filters(p)}}
  AND instr(:ids, ',' || p.databricks_request_id || ',') > 0
