-- payload_content(i): step 10 (after payload_digest): each message's text and tool results (content_digest).
{{content_digest(@i, m)}}
