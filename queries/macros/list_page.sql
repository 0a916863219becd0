-- list_page(p): the inspector list's page of rows p (from list_keys): the shared filters, the
-- list's own, after its cursor, in its order, one more row than the page shows (there is a next page).
WHERE {{filters(@p)}}
  AND {{list_filters(@p)}}
  AND {{list_cursor(@p)}}
ORDER BY
  {{list_order(@p)}}
LIMIT :page_limit
