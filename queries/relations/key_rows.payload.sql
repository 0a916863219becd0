-- Rows to choose the inspector's page of keys from: the payload rows (a keyword or tool filter
-- reads their bodies).
SELECT * FROM {{payload}}
