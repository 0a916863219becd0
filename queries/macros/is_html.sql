-- is_html(x): the text x is an HTML page (lib/payload isHtml): it starts with a doctype, <html>,
-- <head>, <body> or <?xml, or closes </html>, </body> or </title> anywhere.
coalesce(regexp_extract(@x, concat('(?i)^[ ', chr(9), chr(10), chr(13), ']*(<!doctype[ ', chr(9), chr(10), chr(13), ']+html|<html|<head|<body|<[?]xml)'), 1) <> ''
  OR regexp_extract(@x, '(?i)(</(html|body|title)>)', 1) <> '', false)
