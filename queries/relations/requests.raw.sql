-- No request facts table covers the window: the facts computed from the raw tables, the logged
-- requests and those only endpoint_usage counted.
SELECT * FROM {{request_facts}}
UNION ALL
SELECT * FROM {{unlogged_requests}}
