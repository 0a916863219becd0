-- message_pattern(t): a message with ids, hex runs and numbers folded (<id>, <n>), at most 300
-- characters, so one cause is one line.
substr(regexp_replace(regexp_replace(regexp_replace(@t,
  '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}', '<id>'),
  '[0-9a-fA-F]{12,}', '<id>'),
  '[0-9]+([.][0-9]+)?', '<n>'), 1, 300)
