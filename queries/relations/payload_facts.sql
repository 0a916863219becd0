-- The one SQL reading of every logged request/response pair in scope (payload_steps): the payload
-- columns and the fields of lib/payload payloadFacts (kind, question, answer, search text, tools,
-- tokens with their source, estimates, error category and reason, guardrail findings, trace
-- failure). request_facts keeps the fields without text, request_text the texts.
WITH
  scoped AS (SELECT * FROM {{payload}} p WHERE {{facts_scope(p)}}),
  {{payload_steps(scoped)}}
SELECT k.*, {{payload_fields(k)}} FROM read_output k
