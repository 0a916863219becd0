-- reason_text(x): error words x as they are shown: an HTML page as its text (html_text), else x
-- trimmed; at most 500 characters; NULL when empty.
CASE WHEN {{is_html(@x)}} THEN {{html_text(@x)}} ELSE nullif(left({{trimmed_text(@x)}}, 500), '') END
