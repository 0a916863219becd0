-- check_categories(g): the safety categories a guardrail verdict g found: the keys of its
-- categories object whose value is true (it lists every category with true or false), or the
-- strings of a categories list.
CASE
  WHEN get_json_object(@g, '$.categories') LIKE '{%' THEN regexp_extract_all(get_json_object(@g, '$.categories'), '"([^"]+)":true', 1)
  ELSE filter({{json_field_items(@g, categories)}}, cc_c -> {{json_is_text(cc_c)}})
END
