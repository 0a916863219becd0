-- status_class(status): ok, 429, 4xx or 5xx, one meaning everywhere.
CASE
  WHEN @status < 400 THEN 'ok'
  WHEN @status = 429 THEN '429'
  WHEN @status < 500 THEN '4xx'
  ELSE '5xx'
END
