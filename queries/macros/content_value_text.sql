-- content_value_text(c): the text of a message's content c (lib/payload turnText): a string as it
-- is; a list of parts, their texts (part_text) joined by newlines. Content that is a JSON object
-- reads as its JSON text (lib/payload shows it as a part it does not read).
coalesce(array_join(transform(from_json(@c, 'array<string>'), cv_p -> {{part_text(cv_p)}}), chr(10)), @c)
