-- html_text(x): an HTML error page x as one line of text (lib/payload htmlToText): its <title>,
-- else its text without scripts, styles, comments and tags; &amp; &lt; &gt; &quot; &apos; &nbsp;
-- &#39; decoded; spaces folded; at most 500 characters; NULL when nothing is left.
nullif(array_join(transform(transform(sequence(1, 1), ht_one -> replace(replace(replace(replace(replace(replace(replace(
    CASE WHEN regexp_extract(@x, '(?i)(<title[^>]*>)[^<]*</title>', 1) <> '' THEN regexp_extract(@x, '(?i)<title[^>]*>([^<]*)</title>', 1)
      ELSE regexp_replace(regexp_replace(regexp_replace(regexp_replace(@x, '(?is)<script[^>]*>.*?</script>', ' '), '(?is)<style[^>]*>.*?</style>', ' '), '(?s)<!--.*?-->', ' '), '<[^>]*>', ' ') END,
    '&lt;', '<'), '&gt;', '>'), '&quot;', '"'), '&apos;', chr(39)), '&nbsp;', ' '), '&#39;', chr(39)), '&amp;', '&')),
  ht_t -> left({{normalised_text(ht_t)}}, 500)), ''), '')
