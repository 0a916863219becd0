-- json_items(x): the items of the JSON array x, each as text (strings unquoted, objects and arrays
-- as compact JSON, JSON null as NULL); NULL when x is not a JSON array (from_json gives NULL for
-- text that does not parse as one). A string whose whole text is a JSON array reads as that array.
from_json(@x, 'array<string>')
