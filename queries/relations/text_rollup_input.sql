-- Request texts a text rollup is computed from at query time: the partial hours at the window's
-- edges when the rollup tables answer the whole hours, else every request text in scope.
SELECT * FROM {{request_text}} t WHERE {{scope(t)}} AND {{edges(t)}}
