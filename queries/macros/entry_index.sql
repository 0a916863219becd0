-- entry_index(e): the choice a streamed choice entry e belongs to: its index, 0 when it has none.
coalesce(try_cast(get_json_object(@e, '$.index') AS INT), 0)
