-- check_findings(g): what the guardrail verdict g found, in words, joined by chr(31) (lib/payload
-- checkFindings): personal data (PII), invalid keywords, then safety: <category> per true category.
concat_ws(chr(31),
  CASE WHEN get_json_object(@g, '$.pii_detection') = 'true' THEN 'personal data (PII)' END,
  CASE WHEN get_json_object(@g, '$.invalid_keywords') = 'true' THEN 'invalid keywords' END,
  nullif(array_join(transform({{check_categories(@g)}}, cf_c -> concat('safety: ', cf_c)), chr(31)), ''))
