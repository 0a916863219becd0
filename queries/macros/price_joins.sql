-- price_joins(t): joins rows t (with served_entity_id and request_date) to their served entity's
-- latest names (se) and to the price book's model in force on the row's date, matched on the
-- entity_name (pe), else the served_entity_name (ps), whole and case-insensitively; price_columns
-- reads them. No OR in the join conditions: each price join stays a hash join on the name.
LEFT JOIN {{served_entities_latest}} se ON se.served_entity_id = @t.served_entity_id
LEFT JOIN {{price_book}} pe ON pe.match_name = lower(se.entity_name)
  AND pe.effective_from <= @t.request_date AND @t.request_date < coalesce(pe.effective_to, CAST('9999-12-31' AS DATE))
LEFT JOIN {{price_book}} ps ON ps.match_name = lower(se.served_entity_name)
  AND ps.effective_from <= @t.request_date AND @t.request_date < coalesce(ps.effective_to, CAST('9999-12-31' AS DATE))
