-- first_char(x): the first character of x after spaces, tabs and line breaks: '{' for a JSON
-- object, '[' for an array — a cheap look before anything is parsed.
regexp_extract(@x, concat('^[ ', chr(9), chr(10), chr(13), ']*(.)'), 1)
