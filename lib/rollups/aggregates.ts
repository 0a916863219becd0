import 'server-only';
import { PAYLOAD_FILTERS_SQL, parseSqlTimestamp, rollupEdgesSql, sharedFiltersSql } from '@/lib/catalogue/filters';
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

/**
 * An aggregate of the facts (alias f) per hour, endpoint, served entity and status, plus `keys`
 * (expressions named `AS …`): the grouping every facts rollup shares, written once.
 */
function factsAggregate(spec: { name: string; keys: [expr: string, as: string][]; measures: string; where?: string }): RollupAggregate {
  const keys: [string, string][] = [
    ["date_trunc('hour', f.request_time)", 'hour'],
    ["CAST(date_trunc('hour', f.request_time) AS DATE)", 'hour_date'],
    ['f.endpoint_name', 'endpoint_name'],
    ['f.served_entity_id', 'served_entity_id'],
    ['f.status_code', 'status_code'],
    ...spec.keys,
  ];
  // hour_date follows from hour, so it is not grouped by.
  const groupBy = keys.filter(([, as]) => as !== 'hour_date').map(([expr]) => expr);
  return {
    name: spec.name,
    dateColumn: 'hour_date',
    clusterBy: 'hour_date, endpoint_name',
    select: (facts) => `SELECT
  ${keys.map(([expr, as]) => `${expr} AS ${as}`).join(',\n  ')},
  ${spec.measures}
FROM ${facts} f${spec.where ? `\nWHERE ${spec.where}` : ''}
GROUP BY ${groupBy.join(', ')}`,
  };
}

export const ROLLUP_AGGREGATES: readonly RollupAggregate[] = [
  // Traffic and outcomes per hour, endpoint, served entity, status and error category.
  factsAggregate({
    name: 'gateway_lens_hourly',
    keys: [['f.error_category', 'error_category']],
    measures: `count(*) AS sampled_rows,
  sum(f.weight) AS requests,
  sum(f.guardrail_blocked) AS guardrail_blocked_rows,
  sum(CASE WHEN f.request_chars IS NULL THEN 1 ELSE 0 END) AS null_request_rows,
  sum(CASE WHEN f.response_chars IS NULL THEN 1 ELSE 0 END) AS null_response_rows,
  count(f.execution_duration_ms) AS timed_rows,
  sum(f.execution_duration_ms) AS duration_ms_sum`,
  }),
  // Latency histogram of successful requests per hour, endpoint, served entity and status.
  factsAggregate({
    name: 'gateway_lens_latency_hourly',
    keys: [[LATENCY_BIN_SQL('f.execution_duration_ms'), 'bin']],
    measures: `count(*) AS sampled_rows,
  sum(f.weight) AS requests,
  min(f.execution_duration_ms) AS min_ms,
  max(f.execution_duration_ms) AS max_ms`,
    where: 'f.status_code < 400 AND f.execution_duration_ms IS NOT NULL',
  }),
  // Traffic per minute, endpoint, served entity and status: the busiest minute of any bucket.
  factsAggregate({
    name: 'gateway_lens_minutely',
    keys: [["date_trunc('minute', f.request_time)", 'minute']],
    measures: `count(*) AS sampled_rows,
  sum(f.weight) AS requests`,
  }),
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
const AGGREGATE_FILTERS_SQL = sharedFiltersSql('a', { time: 'rollup_hours', requester: false });

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
        AND ${rollupEdgesSql('p')})`;
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
  const start = parseSqlTimestamp(params.start_time);
  const end = parseSqlTimestamp(params.end_time);
  if (!start || !end) return false;
  try {
    return offsetMinutes(tz, start) % 60 === 0 && offsetMinutes(tz, end) % 60 === 0;
  } catch {
    return false;
  }
}
