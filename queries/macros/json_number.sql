-- json_number(o, key): the number at $.key of the JSON object o as a BIGINT; NULL when absent or not a number.
CAST(try_cast(get_json_object(@o, '$.@key') AS DOUBLE) AS BIGINT)
