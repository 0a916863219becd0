-- No request text table covers the window: the texts read from the raw tables.
SELECT * FROM {{request_text_rows}}
