-- Requests an hourly rollup is computed from at query time: the partial hours at the window's
-- edges when the rollup tables answer the whole hours, else every request in scope.
SELECT * FROM {{requests}} p WHERE {{scope(p)}} AND {{edges(p)}}
