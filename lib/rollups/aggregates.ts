import 'server-only';
import { renderSql } from '@/lib/catalogue/render';
import { parseSqlTimestamp } from '@/lib/catalogue/filters';
import { ROLLUPS, type Grain } from './catalog';

/**
 * Hourly rollups built from the request facts (lib/rollups/catalog.ts declares them). Every
 * measure is a sum or count (mergeable across hours and groups); latency is kept as a histogram
 * of ~2%-wide log bins with each bin's min and max, so a percentile over any set of hours is read
 * from merged counts — never a percentile of percentiles.
 */
export interface RollupAggregate {
  name: string;
  /** Column the incremental refresh deletes by (a DATE). */
  dateColumn: string;
  clusterBy: string;
  /** Which relations the table is computed from: the request facts, the request text, or both. */
  source: 'facts' | 'text' | 'text and facts';
  /** The statement computing the table's rows from those relations (tables, or subqueries in parentheses). */
  select: (from: AggregateInput) => string;
}

/** The request facts and text an aggregate is computed from: tables, or subqueries in parentheses. */
export interface AggregateInput { facts: string; text: string }

/** The facts and text tables of a catalog, each as it is or limited to the days from `since` (a SQL DATE expression). */
export function aggregateInput(facts: string, text: string, since?: string): AggregateInput {
  if (since === undefined) return { facts, text };
  return { facts: `(SELECT * FROM ${facts} WHERE request_date >= ${since})`, text: `(SELECT * FROM ${text} WHERE request_date >= ${since})` };
}

const unusedTables = { payload: [], endpointUsage: 'unused.unused.unused', servedEntities: 'unused.unused.unused' };

export const ROLLUP_AGGREGATES: readonly RollupAggregate[] = ROLLUPS.map((r) => ({
  name: r.table,
  dateColumn: r.dateColumn,
  clusterBy: r.clusterBy,
  source: r.source,
  select: (from: AggregateInput) => renderSql(`SELECT * FROM {{${r.definition}}}`, {
    tables: unusedTables,
    endpoint: null,
    scope: 'build',
    requests: {
      mode: 'facts',
      table: r.source === 'text' ? 'unused.unused.unused' : from.facts,
      textTable: r.source === 'facts' ? 'unused.unused.unused' : from.text,
    },
    aggregates: null,
    usage: 'read',
  }),
}));

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
 * Whether rows kept at `grain` can be bucketed for these bound parameters. Hour-grain rows: hour
 * or day buckets (or none) in a reporting zone whose offset is whole hours over the window (not
 * India's +05:30, say). Minute-grain rows: any bucket.
 */
export function grainAnswers(grain: Grain, params: Readonly<Record<string, unknown>>): boolean {
  if (grain === 'minute') return true;
  if (params.bucket !== undefined && params.bucket !== 'hour' && params.bucket !== 'day') return false;
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

/** Hour or day buckets in a whole-hour zone: what the hourly rollup tables can bucket. */
export function hourlyBucketsApply(params: Readonly<Record<string, unknown>>): boolean {
  return (params.bucket === 'hour' || params.bucket === 'day') && grainAnswers('hour', params);
}
