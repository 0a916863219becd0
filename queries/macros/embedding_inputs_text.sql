-- embedding_inputs_text(xs): the text of an embeddings request's inputs xs, as one user turn:
-- joined by newlines, each marked [k] when there are several.
coalesce(CASE WHEN size(@xs) > 1
  THEN array_join(transform(sequence(0, size(@xs) - 1), ei_k -> concat('[', CAST(ei_k AS STRING), '] ', get(@xs, ei_k))), chr(10))
  ELSE array_join(@xs, chr(10)) END, '')
