-- payload_digest(h): step 9 (after payload_all): each message read once (message_digest).
{{message_digest(@h.m_msgs, m)}}
