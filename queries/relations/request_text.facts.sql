-- The request text table covers the window.
SELECT {{text_columns}} FROM {{text_table}}
