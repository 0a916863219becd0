-- outcome(f): how a request f (request facts) ended, one meaning in every ops view: its
-- error_category, except that an answered request whose agent trace has a failed span is
-- 'trace_error' — never counted clean.
CASE WHEN @f.error_category = 'ok' AND @f.trace_error THEN 'trace_error' ELSE @f.error_category END
