-- json_is_object(x): x (an item of json_items, a value of get_json_object) is a JSON object:
-- both come out of JSON as compact text from { to }. A string whose text starts with { and ends
-- with } reads as an object (get_json_object cannot tell them apart). False for NULL.
coalesce(@x LIKE '{%}', false)
