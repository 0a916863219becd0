-- Requests (with their tokens) an hourly token rollup is computed from at query time: the
-- partial hours at the window's edges when the rollup tables answer the whole hours, else all.
SELECT * FROM {{request_tokens}} rt WHERE {{edges(rt)}}
