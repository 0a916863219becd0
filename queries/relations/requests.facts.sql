-- The request facts table covers the window.
SELECT {{fact_columns}} FROM {{facts_table}}
