-- keyword_flags(t): whether the searchable text of request text row t (search_key, lowercased)
-- contains each topic keyword :kw1 … :kw5 (case-insensitive; bound values), as m1 … m5: one
-- plain substring test per keyword and row (NULL for a keyword not given).
contains(@t.search_key, lower(:kw1)) AS m1,
contains(@t.search_key, lower(:kw2)) AS m2,
contains(@t.search_key, lower(:kw3)) AS m3,
contains(@t.search_key, lower(:kw4)) AS m4,
contains(@t.search_key, lower(:kw5)) AS m5
