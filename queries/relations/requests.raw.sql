-- No request facts table covers the window: the facts computed from the raw tables.
SELECT * FROM {{request_facts}}
