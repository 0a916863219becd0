/**
 * Hourly rollups built from the request facts. Every measure is a sum or count (mergeable across
 * hours and groups); latency is kept as a histogram of ~2%-wide log bins with each bin's min and
 * max, so a percentile over any set of hours is read from merged counts — never a percentile of
 * percentiles.
 */
export interface RollupAggregate {
  name: string;
  /** Column the incremental refresh deletes by (a DATE). */
  dateColumn: string;
  clusterBy: string;
  /** The SELECT that builds it from a facts relation. */
  select: (facts: string) => string;
}

/** The latency bin of a duration in ms: floor(ln(ms) * 50), about 2% wide; -1 holds 0 ms. */
export const LATENCY_BIN_SQL = (ms: string) => `CASE WHEN ${ms} < 1 THEN -1 ELSE CAST(floor(ln(CAST(${ms} AS DOUBLE)) * 50) AS BIGINT) END`;

export const ROLLUP_AGGREGATES: readonly RollupAggregate[] = [
  {
    // Traffic and outcomes per hour, endpoint, served entity, status and error category.
    name: 'gateway_lens_hourly',
    dateColumn: 'hour_date',
    clusterBy: 'hour_date, endpoint_name',
    select: (facts) => `SELECT
  date_trunc('hour', f.request_time) AS hour,
  CAST(date_trunc('hour', f.request_time) AS DATE) AS hour_date,
  f.endpoint_name,
  f.served_entity_id,
  f.status_code,
  f.error_category,
  count(*) AS sampled_rows,
  sum(f.weight) AS requests,
  sum(f.guardrail_blocked) AS guardrail_blocked_rows,
  sum(CASE WHEN f.request_chars IS NULL THEN 1 ELSE 0 END) AS null_request_rows,
  sum(CASE WHEN f.response_chars IS NULL THEN 1 ELSE 0 END) AS null_response_rows,
  count(f.execution_duration_ms) AS timed_rows,
  sum(f.execution_duration_ms) AS duration_ms_sum
FROM ${facts} f
GROUP BY date_trunc('hour', f.request_time), f.endpoint_name, f.served_entity_id, f.status_code, f.error_category`,
  },
  {
    // Latency histogram of successful requests per hour, endpoint and served entity.
    name: 'gateway_lens_latency_hourly',
    dateColumn: 'hour_date',
    clusterBy: 'hour_date, endpoint_name',
    select: (facts) => `SELECT
  date_trunc('hour', f.request_time) AS hour,
  CAST(date_trunc('hour', f.request_time) AS DATE) AS hour_date,
  f.endpoint_name,
  f.served_entity_id,
  ${LATENCY_BIN_SQL('f.execution_duration_ms')} AS bin,
  count(*) AS sampled_rows,
  sum(f.weight) AS requests,
  min(f.execution_duration_ms) AS min_ms,
  max(f.execution_duration_ms) AS max_ms
FROM ${facts} f
WHERE f.status_code < 400 AND f.execution_duration_ms IS NOT NULL
GROUP BY date_trunc('hour', f.request_time), f.endpoint_name, f.served_entity_id, ${LATENCY_BIN_SQL('f.execution_duration_ms')}`,
  },
];
