-- stream_call_part(es, c, field): the fragments of the name or arguments (field) of tool call c
-- (choice * 100000 + call index) streamed in the choice entries es, joined in order.
coalesce(array_join(transform(filter(@es, sc_e -> {{entry_index(sc_e)}} = CAST(floor(@c / 100000) AS INT)),
  sc_e -> array_join(transform(filter(sequence(0, greatest(coalesce(json_array_length(get_json_object(sc_e, '$.delta.tool_calls')), 0), 1) - 1),
      sc_t -> sc_t < coalesce(json_array_length(get_json_object(sc_e, '$.delta.tool_calls')), 0)
        AND coalesce(try_cast(get_json_object(sc_e, concat('$.delta.tool_calls[', CAST(sc_t AS STRING), '].index')) AS INT), sc_t) = @c % 100000),
    sc_t -> get_json_object(sc_e, concat('$.delta.tool_calls[', CAST(sc_t AS STRING), '].function.@field'))), '')), ''), '')
