-- text_message(role, t): a chat message of the given role whose content is the text t.
concat('{"role":"@role","content":', {{json_quote(@t)}}, '}')
