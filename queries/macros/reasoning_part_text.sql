-- reasoning_part_text(x): the words of a reasoning / thinking part x: its summary, else its
-- thinking, else its text, else its content; NULL when all are empty.
coalesce(nullif({{summary_text(@x, summary)}}, ''), nullif(get_json_object(@x, '$.thinking'), ''),
  nullif(get_json_object(@x, '$.text'), ''), nullif({{summary_text(@x, content)}}, ''))
