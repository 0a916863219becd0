-- json_field_items(o, key): json_items of the value at $.key of the JSON object o (key may be a.b).
from_json(get_json_object(@o, '$.@key'), 'array<string>')
