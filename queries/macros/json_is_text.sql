-- json_is_text(x): x (an item of json_items, a value of get_json_object) came from a JSON string,
-- told by its shape without parsing it: not an object or list ({…}, […]), a quoted string, a
-- number, true, false or null. A string whose text has one of those shapes ("42", "[1]") reads as
-- that JSON value (get_json_object returns both as the same text). False for NULL.
coalesce(@x IS NOT NULL AND NOT @x LIKE '{%}' AND NOT @x LIKE '[%]' AND NOT @x LIKE '"%"'
  AND NOT @x IN ('true', 'false', 'null') AND try_cast(@x AS DOUBLE) IS NULL, false)
