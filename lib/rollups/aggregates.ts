import { PAYLOAD_FILTERS_SQL } from '@/lib/catalogue/filters';
import { requestTokensRelation } from '@/lib/finance/sql';
import { contextTokensHourlySelect, tokensHourlySelect } from './tokens';

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
  f.status_code,
  ${LATENCY_BIN_SQL('f.execution_duration_ms')} AS bin,
  count(*) AS sampled_rows,
  sum(f.weight) AS requests,
  min(f.execution_duration_ms) AS min_ms,
  max(f.execution_duration_ms) AS max_ms
FROM ${facts} f
WHERE f.status_code < 400 AND f.execution_duration_ms IS NOT NULL
GROUP BY date_trunc('hour', f.request_time), f.endpoint_name, f.served_entity_id, f.status_code, ${LATENCY_BIN_SQL('f.execution_duration_ms')}`,
  },
  {
    // Traffic per minute, endpoint, served entity and status: the busiest minute of any bucket.
    name: 'gateway_lens_minutely',
    dateColumn: 'hour_date',
    clusterBy: 'hour_date, endpoint_name',
    select: (facts) => `SELECT
  date_trunc('hour', f.request_time) AS hour,
  CAST(date_trunc('hour', f.request_time) AS DATE) AS hour_date,
  date_trunc('minute', f.request_time) AS minute,
  f.endpoint_name,
  f.served_entity_id,
  f.status_code,
  count(*) AS sampled_rows,
  sum(f.weight) AS requests
FROM ${facts} f
GROUP BY date_trunc('hour', f.request_time), date_trunc('minute', f.request_time), f.endpoint_name, f.served_entity_id, f.status_code`,
  },
  {
    // Token sums for spend (lib/rollups/tokens.ts) per hour, endpoint, entity, requester, status, token source.
    name: 'gateway_lens_tokens_hourly',
    dateColumn: 'hour_date',
    clusterBy: 'hour_date, endpoint_name',
    select: (facts) => tokensHourlySelect(requestTokensRelation(facts, { filtered: false })),
  },
  {
    // The same per usage_context key and value.
    name: 'gateway_lens_context_tokens_hourly',
    dateColumn: 'hour_date',
    clusterBy: 'hour_date, context_key',
    select: (facts) => contextTokensHourlySelect(requestTokensRelation(facts, { filtered: false })),
  },
];

export type AggregateName = 'gateway_lens_hourly' | 'gateway_lens_latency_hourly' | 'gateway_lens_minutely';

/** Placeholder → aggregate: `{{hourly}}`, `{{latency_hourly}}`. */
export const AGGREGATE_PLACEHOLDERS: Record<string, AggregateName> = {
  hourly: 'gateway_lens_hourly',
  latency_hourly: 'gateway_lens_latency_hourly',
  minutely: 'gateway_lens_minutely',
};

/**
 * The shared filters on an aggregate row (alias `a`). Requester is not one of its dimensions: the
 * runner never reads the tables when a requester filter is set.
 */
const AGGREGATE_FILTERS_SQL = `a.hour >= CAST(:lens_agg_start AS TIMESTAMP)
      AND a.hour < CAST(:lens_agg_end AS TIMESTAMP)
      AND (:endpoint IS NULL OR a.endpoint_name = :endpoint)
      AND (:served_entity_id IS NULL OR a.served_entity_id = :served_entity_id)
      AND ${PAYLOAD_FILTERS_SQL.slice(PAYLOAD_FILTERS_SQL.indexOf('(:status_class IS NULL')).replaceAll('p.', 'a.')}`;

/**
 * An hourly aggregate for a window. With built rollups (`table`): the table's rows for the whole
 * hours inside the window that the rollups cover (`:lens_agg_start` … `:lens_agg_end`), plus the
 * same aggregate computed over the requests of the partial hours at either edge. Without: the
 * aggregate computed over the window's requests. Either way the query sees the same rows.
 * `requests` is the `{{requests}}` relation (alias p, the shared filters apply to it).
 */
export function aggregateRelation(name: AggregateName, requests: string, table: string | null): string {
  const agg = ROLLUP_AGGREGATES.find((a) => a.name === name);
  if (!agg) throw new Error(`Unknown rollup ${name}`);
  if (table === null) return `(${agg.select(`(SELECT * FROM ${requests} p WHERE ${PAYLOAD_FILTERS_SQL})`)}\n  )`;
  const edges = `(SELECT * FROM ${requests} p WHERE ${PAYLOAD_FILTERS_SQL}
        AND (p.request_time < CAST(:lens_agg_start AS TIMESTAMP) OR p.request_time >= CAST(:lens_agg_end AS TIMESTAMP)))`;
  return `(SELECT * FROM ${table} a
    WHERE ${AGGREGATE_FILTERS_SQL}
    UNION ALL
    ${agg.select(edges)}\n  )`;
}

/**
 * The whole hours of a window an aggregate table may answer: from the first hour boundary at or
 * after the start to the last one at or before the end (and not past what the rollups cover).
 * An empty span (start = end) leaves everything to the edge rows.
 */
export function aggregateSpan(window: { start: Date; end: Date }, coversEnd: Date | null): { start: Date; end: Date } {
  const HOUR = 3_600_000;
  const start = Math.ceil(window.start.getTime() / HOUR) * HOUR;
  let end = Math.floor(window.end.getTime() / HOUR) * HOUR;
  if (coversEnd) end = Math.min(end, Math.floor(coversEnd.getTime() / HOUR) * HOUR);
  return end > start ? { start: new Date(start), end: new Date(end) } : { start: window.start, end: window.start };
}

/** The zone's UTC offset in minutes at an instant ('UTC' and unknown zones: 0). */
function offsetMinutes(tz: string, at: Date): number {
  if (tz === 'UTC') return 0;
  const name = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'longOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) : 0;
}

/**
 * Whether hourly rows can be bucketed for these bound parameters: hour or day buckets in a
 * reporting zone whose offset is whole hours over the window (not India's +05:30, say).
 */
export function hourlyBucketsApply(params: Readonly<Record<string, unknown>>): boolean {
  if (params.bucket !== 'hour' && params.bucket !== 'day') return false;
  const tz = typeof params.tz === 'string' ? params.tz : 'UTC';
  const start = new Date(`${String(params.start_time).replace(' ', 'T')}Z`);
  const end = new Date(`${String(params.end_time).replace(' ', 'T')}Z`);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return false;
  try {
    return offsetMinutes(tz, start) % 60 === 0 && offsetMinutes(tz, end) % 60 === 0;
  } catch {
    return false;
  }
}
