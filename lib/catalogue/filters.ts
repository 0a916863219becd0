import { z } from 'zod';
import { ENDPOINT_NAME, parseContextFilter } from '@/lib/identifiers';
import { DAY_MS, presetMs } from '@/lib/time/ranges';
import { calendarWindow, isCalendarRange } from '@/lib/time/calendar';
import { now as clockNow } from '@/lib/time/clock';
import { isKnownTimeZone } from '@/lib/time/zone';

export { RANGE_PRESETS, presetMs } from '@/lib/time/ranges';

const isoDateTime = z.string().trim().refine((v) => /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(v) && !Number.isNaN(Date.parse(v)), {
  message: 'expected an ISO 8601 date-time, e.g. 2026-11-01T00:00:00Z',
});

const optionalText = (max: number, pattern?: RegExp, hint?: string) =>
  z.preprocess((v) => (v === '' ? undefined : v), (pattern ? z.string().max(max).regex(pattern, hint) : z.string().max(max)).optional());

export const STATUS_CLASSES = ['ok', 'error', '4xx', '5xx', '429'] as const;

const contextFilter = optionalText(330).refine((v) => v === undefined || parseContextFilter(v) !== null, {
  message: 'expected key=value or key (a usage_context key of letters, digits and _; a value of up to 256 characters)',
});

/** The filters every chart shares, as they arrive in a query string. */
export const commonFilterShape = {
  range: z.string().regex(/^(\d{1,4}[mhd]|today|yesterday|this_month|last_month)$/, 'expected a relative range such as 1h, 24h or 7d, or today, yesterday, this_month or last_month').optional(),
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
  endpoint: optionalText(63, ENDPOINT_NAME, 'expected an endpoint name (letters, digits, - and _)'),
  served_entity: optionalText(128, /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/, 'expected a served entity id'),
  requester: optionalText(320),
  status: z.enum(STATUS_CLASSES).optional(),
  /** Requests whose usage_context holds key=value (or the key at all); a second pair narrows further. */
  usage_context: contextFilter,
  usage_context_2: contextFilter,
  /** The zone calendar ranges (today, this_month…) start their days in; queries that bucket bind it too. */
  tz: optionalText(64).refine((v) => v === undefined || isKnownTimeZone(v), { message: 'expected an IANA time zone such as UTC or Europe/Paris' }),
};

export interface TimeWindow { start: Date; end: Date }

/**
 * Turns `range` or `from`/`to` into an absolute window. The end of a relative range is the
 * current minute's end, so a refresh moves it forward.
 */
export function resolveWindow(input: { range?: string; from?: string; to?: string; tz?: string }, maxRangeDays: number, now = clockNow()): { ok: true; window: TimeWindow } | { ok: false; problems: { path: string; message: string }[] } {
  const problems: { path: string; message: string }[] = [];
  let start: Date;
  let end: Date;
  if (input.from || input.to) {
    if (input.range) problems.push({ path: 'range', message: 'give either range or from/to, not both' });
    if (!input.from) problems.push({ path: 'from', message: 'required with to' });
    if (!input.to) problems.push({ path: 'to', message: 'required with from' });
    if (problems.length) return { ok: false, problems };
    start = new Date(withZone(input.from!));
    end = new Date(withZone(input.to!));
  } else if (isCalendarRange(input.range)) {
    const w = calendarWindow(input.range, input.tz ?? 'UTC', now.getTime());
    start = new Date(w.start);
    end = new Date(w.end);
  } else {
    const ms = presetMs(input.range ?? '');
    if (ms === null) return { ok: false, problems: [{ path: 'range', message: 'required: a relative range such as 24h or 7d, or from and to' }] };
    end = new Date(Math.ceil((now.getTime() + 1) / 60_000) * 60_000);
    start = new Date(end.getTime() - ms);
  }
  if (!(start < end)) problems.push({ path: 'from', message: 'must be before to' });
  if (end.getTime() - start.getTime() > maxRangeDays * DAY_MS) problems.push({ path: 'range', message: `must span at most ${maxRangeDays} days` });
  if (end.getTime() - start.getTime() < 60_000) problems.push({ path: 'range', message: 'must span at least one minute' });
  return problems.length ? { ok: false, problems } : { ok: true, window: { start, end } };
}

/** A date-time without a zone is read as UTC, the dashboard's reporting zone. */
function withZone(v: string): string {
  const t = v.includes('T') || v.includes(' ') ? v.replace(' ', 'T') : `${v}T00:00:00`;
  return /(Z|[+-]\d{2}:?\d{2})$/.test(t) ? t : `${t}Z`;
}

/** `2026-11-01 00:00:00.000` — parsed the same way by both engines in a UTC session. */
export function sqlTimestamp(d: Date): string {
  return d.toISOString().replace('T', ' ').replace('Z', '');
}

/** The instant a `sqlTimestamp` string (a bound :start_time or :end_time) stands for; null if it is not one. */
export function parseSqlTimestamp(v: unknown): Date | null {
  if (typeof v !== 'string') return null;
  const d = new Date(`${v.replace(' ', 'T')}Z`);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** The bound parameters behind `{{payload_filters}}`. */
export function filterParams(f: { endpoint?: string; served_entity?: string; requester?: string; status?: string; usage_context?: string; usage_context_2?: string }, w: TimeWindow) {
  return {
    start_time: sqlTimestamp(w.start),
    end_time: sqlTimestamp(w.end),
    start_date: w.start.toISOString().slice(0, 10),
    end_date: w.end.toISOString().slice(0, 10),
    endpoint: f.endpoint ?? null,
    served_entity_id: f.served_entity ?? null,
    requester: f.requester ?? null,
    status_class: f.status ?? null,
    ...contextFilterParams(f),
  };
}

/** `:uc1_key`, `:uc1_value`, `:uc1_path` (and uc2_…) for the usage_context_matches relation; none without the filter. */
function contextFilterParams(f: { usage_context?: string; usage_context_2?: string }): Record<string, string | null> {
  const given = [f.usage_context, f.usage_context_2].map((v) => (v ? parseContextFilter(v) : null)).filter((p) => p !== null);
  if (given.length === 0) return {};
  const pairs = [given[0], given[1] ?? null];
  return Object.fromEntries(pairs.flatMap((p, i) => [
    [`uc${i + 1}_key`, p?.key ?? null],
    [`uc${i + 1}_value`, p?.value ?? null],
    [`uc${i + 1}_path`, p ? `$.${p.key}` : null],
  ]));
}

/** Whether bound parameters carry a usage_context filter (the statement then reads usage_context_matches). */
export function hasContextFilter(params: Record<string, unknown>): boolean {
  return params.uc1_key != null || params.uc2_key != null;
}

/**
 * The shared filters as SQL over the parameters `filterParams` binds, on a relation aliased
 * `alias`. `time`: `rows` prunes by `request_date` as well as the exact window; `rollup_hours`
 * keeps the whole hours a rollup table answers (`hour` in :lens_agg_start … :lens_agg_end);
 * `none` leaves time alone. `requester: false` for relations without a requester column.
 */
export function sharedFiltersSql(alias: string, opts: { time?: 'rows' | 'rollup_hours' | 'none'; requester?: boolean; usageContext?: boolean } = {}): string {
  const a = `${alias}.`;
  const time = opts.time ?? 'rows';
  return [
    ...(time === 'rows' ? [
      `${a}request_date BETWEEN CAST(:start_date AS DATE) AND CAST(:end_date AS DATE)`,
      `${a}request_time >= CAST(:start_time AS TIMESTAMP)`,
      `${a}request_time < CAST(:end_time AS TIMESTAMP)`,
    ] : []),
    ...(time === 'rollup_hours' ? [
      `${a}hour >= CAST(:lens_agg_start AS TIMESTAMP)`,
      `${a}hour < CAST(:lens_agg_end AS TIMESTAMP)`,
    ] : []),
    `(:endpoint IS NULL OR ${a}endpoint_name = :endpoint)`,
    `(:served_entity_id IS NULL OR ${a}served_entity_id = :served_entity_id)`,
    ...(opts.requester === false ? [] : [`(:requester IS NULL OR ${a}requester = :requester)`]),
    `(:status_class IS NULL
      OR (:status_class = 'ok' AND ${a}status_code < 400)
      OR (:status_class = 'error' AND ${a}status_code >= 400)
      OR (:status_class = '4xx' AND ${a}status_code BETWEEN 400 AND 499)
      OR (:status_class = '5xx' AND ${a}status_code >= 500)
      OR (:status_class = '429' AND ${a}status_code = 429))`,
    // Only written when a usage_context filter is bound: other statements stay as they were.
    ...(opts.usageContext ? [contextFilterSql(alias)] : []),
  ].join('\n  AND ');
}

/** The usage_context filter on rows aliased `alias` that carry a databricks_request_id. */
export function contextFilterSql(alias: string): string {
  return `${alias}.databricks_request_id IN (SELECT ucm.databricks_request_id FROM {{usage_context_matches}} ucm)`;
}

/** The usage_context filter on endpoint_usage rows aliased `alias`, read from their map (they include requests never logged). */
export function usageMapFilterSql(alias: string): string {
  const pair = (n: 1 | 2) => `(:uc${n}_key IS NULL OR ${alias}.usage_context[:uc${n}_key] = :uc${n}_value OR (:uc${n}_value IS NULL AND ${alias}.usage_context[:uc${n}_key] IS NOT NULL))`;
  return `${pair(1)}\n    AND ${pair(2)}`;
}

/**
 * Rows outside the whole hours a rollup table answers: the partial hours at a window's edges and,
 * with `split`, the hour a query's two periods meet in.
 *
 * With a split the set is [.., start) ∪ [from, to) ∪ [end, ..), where start <= from <= to <= end
 * (the split hour clamped to the whole hours, splitHourWithin in plan.ts): the AND of two ORs of
 * comparisons. DuckDB prunes a scan by each (row groups by their time range); a third OR branch,
 * or the split hour as date_trunc(…) = …, made it read every row.
 */
export function rollupEdgesSql(alias: string, split = false): string {
  const outside = (from: string, to: string) => `(${alias}.request_time < CAST(:${from} AS TIMESTAMP) OR ${alias}.request_time >= CAST(:${to} AS TIMESTAMP))`;
  return split ? `(${outside('lens_agg_start', 'lens_agg_split_from')} AND ${outside('lens_agg_split_to', 'lens_agg_end')})` : outside('lens_agg_start', 'lens_agg_end');
}

/** `{{payload_filters}}`: prunes files by `request_date` as well as the exact window, then applies the filters. */
export const PAYLOAD_FILTERS_SQL = sharedFiltersSql('p');
