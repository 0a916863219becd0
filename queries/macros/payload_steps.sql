-- payload_steps(src): the steps of the one SQL reading of the logged pairs in the relation src
-- (with request, response and status_code) as named CTEs, read_json … read_output, each adding
-- what it reads (queries/macros/payload_*.sql); select payload_fields from read_output. Each body
-- is parsed once per value it needs; lib/payload/sql-twin.test.ts holds the result equal to
-- lib/payload payloadFacts over fixtures/payloads and the demo.
read_json AS (SELECT p.*, {{payload_json(p)}} FROM @src p),
read_top AS (SELECT a.*, {{payload_top(a)}} FROM read_json a),
read_lists AS (SELECT b.*, {{payload_lists(b)}} FROM read_top b),
read_stream AS (SELECT c.*, {{payload_stream(c)}} FROM read_lists c),
read_shape AS (SELECT d.*, {{payload_shape(d)}} FROM read_stream d),
read_messages AS (SELECT e.*, {{payload_messages(e)}} FROM read_shape e),
read_turns AS (SELECT f.*, {{payload_turns(f)}} FROM read_messages f),
read_all AS (SELECT g.*, {{payload_all(g)}} FROM read_turns g),
read_digest AS (SELECT h.*, {{payload_digest(h)}} FROM read_all h),
read_content AS (SELECT i.*, {{payload_content(i)}} FROM read_digest i),
read_output AS (SELECT j.*, {{payload_output(j)}} FROM read_content j)
