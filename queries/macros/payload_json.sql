-- payload_json(p): step 1 of reading a logged pair p (request, response, status_code) the way
-- lib/payload interpretPayload does: the top-level keys of the request and of the response when
-- they are JSON objects, and the response's items when it is a JSON array (a stream's chunks).
CASE WHEN {{first_char(@p.request)}} = '{' THEN json_object_keys(@p.request) END AS rq_keys,
CASE WHEN {{first_char(@p.response)}} = '{' THEN json_object_keys(@p.response) END AS rs_keys,
CASE WHEN {{first_char(@p.response)}} = '[' THEN from_json(@p.response, 'array<string>') END AS rs_chunks0
