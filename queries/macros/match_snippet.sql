-- match_snippet(m): the inspector list's snippet of row m's searchable text (@m.search_text, in its
-- own case) around the keyword's first match (@m.at, its 1-based position in the lowercased text;
-- lowercasing keeps positions where the list highlights): 80 characters before the match and 120
-- after it, with an ellipsis where the text goes on; NULL without a match.
CASE WHEN @m.at > 0 THEN concat(
  CASE WHEN @m.at > 81 THEN '…' ELSE '' END,
  substring(@m.search_text, greatest(1, @m.at - 80), least(@m.at - 1, 80) + length(:q_text) + 120),
  CASE WHEN @m.at + length(:q_text) + 120 <= length(@m.search_text) THEN '…' ELSE '' END) END
