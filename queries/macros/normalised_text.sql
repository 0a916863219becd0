-- normalised_text(x): x with every run of spaces, tabs, CR and LF made one space and trimmed; NULL
-- when nothing is left (lib/payload normaliseText, before it is cut to length).
nullif(trim(regexp_replace(@x, concat('[ ', chr(9), chr(10), chr(13), ']+'), ' ')), '')
