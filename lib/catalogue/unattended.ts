import 'server-only';
import { z } from 'zod';
import { replaceParams } from '@/lib/warehouse/compat';
import type { ParamValue, Params } from '@/lib/warehouse/types';
import { atInstant } from '@/lib/time/clock';
import type { AnyQuery } from './define';
import { commonFilterShape, sqlTimestamp, type TimeWindow } from './filters';
import { loadSql, rawContext, renderStatement } from './render';
import type { ResolvedTables } from './tables';

/**
 * A catalogue query rendered for an unattended run (an alert): the page's filters inlined as SQL
 * literals and the time window as expressions of "now", so the statement runs on its own, on a
 * schedule, in the Databricks SQL editor or as a Databricks SQL alert. Values are validated by the
 * query's own schema first and reach the text only through `sqlLiteral`.
 */

/** A window that moves with the clock: the last N minutes, today so far, or the month so far (UTC). */
export const RelativeWindowSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('last'), minutes: z.number().int().min(1).max(7 * 24 * 60) }),
  z.object({ kind: z.literal('today') }),
  z.object({ kind: z.literal('month') }),
]);
export type RelativeWindow = z.infer<typeof RelativeWindowSchema>;

export function describeWindow(w: RelativeWindow): string {
  if (w.kind === 'today') return 'today (UTC)';
  if (w.kind === 'month') return 'this month (UTC)';
  const m = w.minutes;
  if (m % 1440 === 0) return `the last ${m / 1440 === 1 ? 'day' : `${m / 1440} days`}`;
  if (m % 60 === 0) return `the last ${m / 60 === 1 ? 'hour' : `${m / 60} hours`}`;
  return `the last ${m} minute${m === 1 ? '' : 's'}`;
}

/** The window a relative window stands for when the clock reads `at`. */
export function windowAt(w: RelativeWindow, at: Date): TimeWindow {
  const t = at.getTime();
  if (w.kind === 'last') return { start: new Date(t - w.minutes * 60_000), end: at };
  const d = new Date(t);
  const start = w.kind === 'today' ? Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) : Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  return { start: new Date(start), end: at };
}

/** The SQL of "now" on Databricks; the embedded evaluator gives an instant instead (`instantSql`). */
export const NOW_SQL = 'current_timestamp()';

/** An instant as a TIMESTAMP literal both engines read the same way in a UTC session. */
export function instantSql(at: Date): string {
  return `TIMESTAMP '${sqlTimestamp(at)}'`;
}

/** `expr + δ` written with the largest whole unit, e.g. `current_timestamp() - INTERVAL 15 MINUTES`. */
export function shiftSql(expr: string, deltaMs: number): string {
  if (deltaMs === 0) return expr;
  if (deltaMs % 1000 !== 0) throw new NotAlertable(`a shift of ${deltaMs} ms is not a whole number of seconds`);
  const s = Math.abs(deltaMs) / 1000;
  const [n, unit] = s % 86_400 === 0 ? [s / 86_400, 'DAYS'] : s % 3600 === 0 ? [s / 3600, 'HOURS'] : s % 60 === 0 ? [s / 60, 'MINUTES'] : [s, 'SECONDS'];
  return `(${expr} ${deltaMs < 0 ? '-' : '+'} INTERVAL ${n} ${unit})`;
}

function windowStartSql(w: RelativeWindow, now: string): string {
  if (w.kind === 'last') return shiftSql(now, -w.minutes * 60_000);
  return `date_trunc('${w.kind === 'today' ? 'day' : 'month'}', ${now})`;
}

/**
 * A value as a SQL literal that reads the same on Databricks and DuckDB. Quotes and backslashes
 * (which Spark reads as escapes and DuckDB does not) are written as chr() pieces, so no value can
 * end its literal early or mean something else on the other engine.
 */
export function sqlLiteral(v: ParamValue): string {
  if (v === null) return 'NULL';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new NotAlertable(`the number ${v} cannot be written into SQL`);
    return String(v);
  }
  if (!/['\\]/.test(v)) return `'${v}'`;
  const parts = v.split(/(['\\])/).filter((p) => p !== '').map((p) => (p === "'" ? 'chr(39)' : p === '\\' ? 'chr(92)' : `'${p}'`));
  return `concat(${parts.join(', ')})`;
}

/** The query (with these filters) cannot run unattended over this window; the message says why. */
export class NotAlertable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotAlertable';
  }
}

// Instants on different days, months, years and times of day (just after midnight on the 1st too,
// where "today" and "this month" are minutes long and every window crosses a day), then every 23
// minutes across the end of a month: an expression that reproduces a parameter at all of them is
// the one the binding uses.
const INSTANTS = [
  ...['2031-03-17T09:41:27.000Z', '2032-08-05T22:13:51.000Z', '2033-12-30T15:05:09.000Z', '2034-02-01T00:07:13.000Z', '2035-06-01T00:00:29.000Z'].map((s) => new Date(s)),
  ...Array.from({ length: 200 }, (_, i) => new Date(Date.parse('2036-02-27T19:00:17.000Z') + i * 23 * 60_000)),
];

const TIMESTAMP_TEXT = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}$/;
const DATE_TEXT = /^\d{4}-\d{2}-\d{2}$/;
const asInstant = (v: string) => Date.parse(`${v.replace(' ', 'T')}Z`);
const asDay = (v: string) => Date.parse(`${v}T00:00:00Z`);

/** One way a parameter may follow the clock: its SQL, and the instant it stands for when the clock reads `t`. */
interface Candidate { sql: (now: string, start: string) => string; at: (t: Date) => number }

function truncUtc(t: number, unit: 'hour' | 'day' | 'month'): number {
  const d = new Date(t);
  if (unit === 'hour') return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours());
  if (unit === 'day') return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

export interface InlineParams {
  /** Each bound parameter as SQL text, given the SQL of "now" and of the window's start. */
  sql: Record<string, (now: string, start: string) => string>;
  /** The parsed input (with defaults) the parameters were bound from. */
  input: Record<string, unknown>;
}

/** Validates a query's input as a page would send it, without range/from/to (the window is the rule's). */
export function parseAlertInput(def: AnyQuery, params: Record<string, string>): Record<string, unknown> {
  const filters = z.object(commonFilterShape).omit({ range: true, from: true, to: true }).shape;
  const parsed = z.object({ ...filters, ...def.params }).strict().safeParse(params);
  if (!parsed.success) {
    throw new NotAlertable(parsed.error.issues.map((i) => (i.code === 'unrecognized_keys' ? `${i.keys.join(', ')}: not a parameter of ${def.id} (the window is the rule's own)` : `${i.path.join('.') || 'params'}: ${i.message}`)).join('; '));
  }
  return parsed.data;
}

/**
 * How each parameter follows the clock: the query binds its parameters at several instants, and
 * every parameter that changes must be reproduced at all of them by one expression of the window
 * (its start or end shifted by a constant, or truncated to the hour, day or month, or the date of
 * one of those). Parameters that never change are constants. Anything else is refused.
 */
export function inlineParams(def: AnyQuery, params: Record<string, string>, window: RelativeWindow): InlineParams {
  const input = parseAlertInput(def, params);
  const bound: Params[] = INSTANTS.map((t) => {
    try {
      return atInstant(t, () => def.bind(input as never, { window: windowAt(window, t) }));
    } catch (err) {
      throw new NotAlertable(`${def.id} cannot be bound over ${describeWindow(window)}: ${(err as Error).message}`);
    }
  });
  const names = Object.keys(bound[0]!);
  const sql: InlineParams['sql'] = {};
  const timestamps: Candidate[] = [];
  const start = (t: Date) => windowAt(window, t).start.getTime();
  const matches = (c: Candidate, values: ParamValue[], read: (v: string) => number) => values.every((v, i) => typeof v === 'string' && read(v) === c.at(INSTANTS[i]!));
  const end: Candidate = { sql: (n) => n, at: (t) => t.getTime() };
  const begin: Candidate = { sql: (_n, s) => s, at: start };

  const timestampCandidates = (first: number): Candidate[] => {
    const fromEnd = first - INSTANTS[0]!.getTime();
    const fromStart = first - start(INSTANTS[0]!);
    return [
      begin,
      end,
      { sql: (n) => shiftSql(n, fromEnd), at: (t) => t.getTime() + fromEnd },
      { sql: (_n, s) => shiftSql(s, fromStart), at: (t) => start(t) + fromStart },
      ...(['hour', 'day', 'month'] as const).map((u): Candidate => ({ sql: (n) => `date_trunc('${u}', ${n})`, at: (t) => truncUtc(t.getTime(), u) })),
    ];
  };

  // Timestamps first: a date is most often the date of one of them (start_date of start_time).
  for (const name of names) {
    const values = bound.map((b) => b[name] ?? null);
    if (values.every((v) => v === values[0])) {
      sql[name] = () => sqlLiteral(values[0]!);
      continue;
    }
    if (!values.every((v) => typeof v === 'string' && TIMESTAMP_TEXT.test(v))) continue;
    const found = timestampCandidates(asInstant(values[0] as string)).find((c) => matches(c, values, asInstant));
    if (!found) throw new NotAlertable(`:${name} of ${def.id} does not follow ${describeWindow(window)} in a way an unattended run can express`);
    sql[name] = found.sql;
    timestamps.push(found);
  }
  for (const name of names) {
    if (sql[name]) continue;
    const values = bound.map((b) => b[name] ?? null);
    const found = values.every((v) => typeof v === 'string' && DATE_TEXT.test(v))
      ? [...timestamps, begin, end]
        .map((c): Candidate => ({ sql: (n, s) => `CAST(${c.sql(n, s)} AS DATE)`, at: (t) => truncUtc(c.at(t), 'day') }))
        .find((c) => matches(c, values, asDay))
      : undefined;
    if (!found) throw new NotAlertable(`:${name} of ${def.id} changes with the window in a way an unattended run cannot express`);
    sql[name] = found.sql;
  }
  return { sql, input };
}

export interface UnattendedStatement {
  sql: string;
  /** The shared relations in the statement, as renderStatement lists them. */
  relations: { name: string; source: string }[];
  /** Each parameter as it was written into the text. */
  inlined: Record<string, string>;
}

/**
 * The query's own statement (queries/<id>.sql over the raw tables, as planned without rollups)
 * with every `:name` replaced by its inlined SQL. `now` is the SQL of the window's end: NOW_SQL on
 * Databricks, an instant (instantSql) when the embedded engine evaluates at a given time.
 */
export function renderUnattended(def: AnyQuery, params: Record<string, string>, window: RelativeWindow, opts: { tables: ResolvedTables; now?: string }): UnattendedStatement {
  const now = opts.now ?? NOW_SQL;
  const { sql: inline, input } = inlineParams(def, params, window);
  const endpoint = typeof input.endpoint === 'string' ? input.endpoint : null;
  const statement = renderStatement(loadSql(def.id), rawContext(opts.tables, endpoint));
  const startSql = windowStartSql(window, now);
  const inlined: Record<string, string> = {};
  const sql = replaceParams(statement.sql, (name) => {
    const expr = inline[name];
    if (!expr) throw new NotAlertable(`${def.id} reads :${name}, which its binding does not give`);
    inlined[name] = expr(now, startSql);
    return inlined[name];
  });
  return { sql, relations: statement.relations, inlined };
}

/** Which relative windows a query (with these filters) can run over unattended. */
export function alertableWindows(def: AnyQuery, params: Record<string, string>, windows: RelativeWindow[]): { window: RelativeWindow; ok: boolean; reason?: string }[] {
  return windows.map((window) => {
    try {
      inlineParams(def, params, window);
      return { window, ok: true };
    } catch (err) {
      if (err instanceof NotAlertable) return { window, ok: false, reason: err.message };
      throw err;
    }
  });
}
