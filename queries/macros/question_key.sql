-- question_key(x): the key questions are grouped by: x lowercased, punctuation that ends a word or
-- the text dropped (so "Refund?" and "refund" are one question; addresses and numbers keep theirs),
-- whitespace folded; NULL when nothing is left (lib/inspector/question-key.ts questionKey).
nullif(trim(regexp_replace(regexp_replace(lower(@x), '[,;:!?.]+( |$)', ' '), concat('[ ', chr(9), chr(10), chr(13), ']+'), ' ')), '')
