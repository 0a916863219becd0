-- payload_all(g): step 8 (after payload_turns): the request's and the output's messages in one
-- list (m_msgs), the request's at positions [rq_from, rq_to), the output's at [rs_from, rs_to),
-- so each message is read by one expression (payload_digest).
flatten(transform(sequence(1, 2), pa_s -> CASE pa_s
  WHEN 1 THEN coalesce(@g.rq_msgs, filter(split('', ','), pa_x -> false))
  ELSE coalesce(@g.rs_msgs, filter(split('', ','), pa_x -> false)) END)) AS m_msgs,
0 AS rq_from,
{{list_size(@g.rq_msgs)}} AS rq_to,
{{list_size(@g.rq_msgs)}} AS rs_from,
{{list_size(@g.rq_msgs)}} + {{list_size(@g.rs_msgs)}} AS rs_to
