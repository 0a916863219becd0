-- json_quote(x): the text x as a JSON string literal, or null when x is NULL (to write a message).
regexp_extract(to_json(transform(sequence(1, 1), jq_one -> @x)), '^.(.*).$', 1)
