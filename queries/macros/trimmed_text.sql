-- trimmed_text(x): x without leading and trailing spaces, tabs, CR and LF.
regexp_replace(@x, concat('^[ ', chr(9), chr(10), chr(13), ']+|[ ', chr(9), chr(10), chr(13), ']+$'), '')
