-- Rows to choose the inspector's page of keys from: the request facts, without bodies (no
-- keyword or tool filter needs them).
SELECT f.*, CAST(NULL AS STRING) AS request, CAST(NULL AS STRING) AS response FROM {{requests}} f WHERE f.logged
