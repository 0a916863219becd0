-- User messages that more than one served entity answered: for a few of them, the latest
-- successful answer of each entity. A message is matched on the last message of the request
-- when it comes from the user, trimmed and case-folded; earlier turns may differ. Only the
-- latest :rows_per_entity successful requests of each entity are parsed, so the JSON work is
-- bounded whatever the window holds.
WITH recent_ids AS (
  -- Rank on narrow columns only, then fetch the payloads of the chosen rows.
  SELECT databricks_request_id FROM (
    SELECT
      p.databricks_request_id,
      row_number() OVER (PARTITION BY p.endpoint_name, p.served_entity_id ORDER BY p.request_time DESC, p.databricks_request_id) AS recency
    FROM {{payload}} p
    WHERE {{filters(p)}}
      AND p.status_code < 400
      AND p.request IS NOT NULL
      AND p.served_entity_id IS NOT NULL
  ) ranked_recent
  WHERE recency <= :rows_per_entity
),
chat AS (
  SELECT
    p.endpoint_name,
    p.served_entity_id,
    p.databricks_request_id,
    p.request_time,
    p.execution_duration_ms,
    p.response,
    get_json_object(p.request, '$.messages') AS messages
  FROM {{payload}} p
  JOIN recent_ids r ON r.databricks_request_id = p.databricks_request_id
  WHERE {{filters(p)}}
),
sized AS (
  SELECT c.*, json_array_length(c.messages) AS n_messages FROM chat c
),
last_turn AS (
  SELECT s.*, get_json_object(s.messages, concat('$[', CAST(s.n_messages - 1 AS STRING), ']')) AS last_message
  FROM sized s
  WHERE s.n_messages > 0
),
asked AS (
  SELECT
    l.*,
    coalesce(get_json_object(l.last_message, '$.content[0].text'), get_json_object(l.last_message, '$.content')) AS user_text
  FROM last_turn l
  WHERE get_json_object(l.last_message, '$.role') = 'user'
),
keyed AS (
  SELECT a.*, lower(trim(substring(a.user_text, 1, 2000))) AS message_key
  FROM asked a
  WHERE a.user_text IS NOT NULL AND length(trim(a.user_text)) > 0
),
shared AS (
  SELECT endpoint_name, message_key, count(DISTINCT served_entity_id) AS entities, count(*) AS asked_rows
  FROM keyed
  GROUP BY endpoint_name, message_key
  HAVING count(DISTINCT served_entity_id) > 1
),
chosen AS (
  SELECT * FROM (
    SELECT s.*, row_number() OVER (ORDER BY s.entities DESC, s.asked_rows DESC, s.endpoint_name, s.message_key) AS pick
    FROM shared s
  ) ranked
  WHERE pick <= :max_messages
),
answers AS (
  SELECT
    k.*,
    c.entities,
    c.asked_rows,
    c.pick,
    row_number() OVER (PARTITION BY k.endpoint_name, k.message_key, k.served_entity_id ORDER BY k.request_time DESC, k.databricks_request_id) AS rn
  FROM keyed k
  JOIN chosen c ON c.endpoint_name = k.endpoint_name AND c.message_key = k.message_key
)
SELECT
  a.pick,
  a.endpoint_name,
  a.entities,
  a.asked_rows,
  a.served_entity_id,
  se.served_entity_name,
  se.entity_name,
  a.databricks_request_id,
  a.request_time,
  a.execution_duration_ms,
  a.n_messages,
  substring(a.user_text, 1, 2000) AS user_text,
  substring(coalesce(
    get_json_object(a.response, '$.choices[0].message.content'),
    get_json_object(a.response, '$.choices[0].text'),
    get_json_object(a.response, '$.output[0].content[0].text'),
    get_json_object(a.response, '$.messages[0].content')
  ), 1, 4000) AS answer_text,
  get_json_object(a.response, '$.choices[0].message.tool_calls[0].function.name') AS tool_call,
  try_cast(get_json_object(a.response, '$.usage.completion_tokens') AS BIGINT) AS output_tokens
FROM answers a
LEFT JOIN {{served_entities_latest}} se ON se.served_entity_id = a.served_entity_id
WHERE a.rn = 1
ORDER BY a.pick, se.served_entity_name, a.served_entity_id
