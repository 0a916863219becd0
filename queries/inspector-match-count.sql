-- How many logged requests in the window match the inspector list's filters (the keyword among
-- them): the count the list's header shows, chosen from the same key rows by the same filters.
SELECT count(*) AS matches
FROM {{key_rows}} p
WHERE {{filters(p)}}
  AND {{list_filters(p)}}
