import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '@/queries';
import { openDemoFixture, type DemoFixture } from '@/lib/testing/demo-fixture';
import { expectSameRows } from '@/lib/testing/same-rows';
import { statementErrors } from '@/lib/testing/spark-grammar';
import { now } from '@/lib/time/clock';
import { replaceParams } from '@/lib/warehouse/compat';
import { resolveTables, type ResolvedTables } from './tables';
import { parseQueryInput, runQuery } from './run';
import {
  NOW_SQL, NotAlertable, alertableWindows, inlineParams, instantSql, renderUnattended, shiftSql, sqlLiteral, windowAt, type RelativeWindow,
} from './unattended';

const production: ResolvedTables = {
  payload: [{ endpoint: 'chat_assistant', table: 'main.ai_gateway.chat_assistant_payload' }],
  endpointUsage: 'system.serving.endpoint_usage',
  servedEntities: 'system.serving.served_entities',
};
const WINDOWS: RelativeWindow[] = [{ kind: 'last', minutes: 15 }, { kind: 'last', minutes: 24 * 60 }, { kind: 'today' }, { kind: 'month' }];

describe('sqlLiteral', () => {
  it('writes quotes and backslashes as chr() pieces, which both engines read alike', () => {
    expect(sqlLiteral("it's")).toBe("concat('it', chr(39), 's')");
    expect(sqlLiteral('a\\b')).toBe("concat('a', chr(92), 'b')");
    expect(sqlLiteral("'; DROP TABLE x; --")).toBe("concat(chr(39), '; DROP TABLE x; --')");
    expect(sqlLiteral('chat_assistant')).toBe("'chat_assistant'");
    expect(sqlLiteral(null)).toBe('NULL');
    expect(sqlLiteral(0.95)).toBe('0.95');
    expect(sqlLiteral(true)).toBe('TRUE');
    expect(() => sqlLiteral(Number.NaN)).toThrow(NotAlertable);
  });

  it('shifts "now" by the largest whole unit', () => {
    expect(shiftSql(NOW_SQL, -15 * 60_000)).toBe('(current_timestamp() - INTERVAL 15 MINUTES)');
    expect(shiftSql(NOW_SQL, -3 * 86_400_000)).toBe('(current_timestamp() - INTERVAL 3 DAYS)');
    expect(shiftSql(NOW_SQL, 90_000)).toBe('(current_timestamp() + INTERVAL 90 SECONDS)');
  });
});

describe('inlineParams', () => {
  it('writes the latency chart over the last 5 minutes as expressions of now, and its filters as literals', () => {
    const { sql } = inlineParams(CATALOGUE['ops-latency-over-time']!, { endpoint: 'chat_assistant', bucket: 'day' }, { kind: 'last', minutes: 5 });
    const written = Object.fromEntries(Object.entries(sql).map(([k, f]) => [k, f('NOW', 'START')]));
    expect(written).toMatchObject({
      start_time: 'START',
      end_time: 'NOW',
      start_date: 'CAST(START AS DATE)',
      end_date: 'CAST(NOW AS DATE)',
      endpoint: "'chat_assistant'",
      served_entity_id: 'NULL',
      bucket: "'day'",
      tz: "'UTC'",
      split: "'none'",
    });
  });

  it('follows a binding that moves the window (the KPIs read the period before as well)', () => {
    const { sql } = inlineParams(CATALOGUE['ops-kpis']!, {}, { kind: 'last', minutes: 60 });
    expect(sql.start_time!('NOW', 'START')).toBe('(NOW - INTERVAL 2 HOURS)');
    expect(sql.current_start!('NOW', 'START')).toBe('START');
    expect(sql.start_date!('NOW', 'START')).toBe('CAST((NOW - INTERVAL 2 HOURS) AS DATE)');
  });

  it('follows the month to date and the clock-based freshness look-back', () => {
    expect(inlineParams(CATALOGUE['finance-month-to-date']!, {}, { kind: 'today' }).sql.start_time!('NOW', 'START')).toBe("date_trunc('month', NOW)");
    expect(inlineParams(CATALOGUE['ops-freshness']!, {}, { kind: 'last', minutes: 15 }).sql.recent_time!('NOW', 'START')).toBe('(NOW - INTERVAL 3 DAYS)');
  });

  it('refuses a binding it cannot express, and says which parameter', () => {
    // Over "today" the window's length changes during the day, and with it the chosen bucket.
    const [today] = alertableWindows(CATALOGUE['ops-latency-over-time']!, {}, [{ kind: 'today' }]);
    expect(today).toMatchObject({ ok: false, reason: expect.stringContaining(':bucket') });
    expect(alertableWindows(CATALOGUE['ops-latency-over-time']!, { bucket: 'hour' }, [{ kind: 'today' }])[0]!.ok).toBe(true);
  });

  it('validates the filters with the query\'s own schema and refuses a window of its own', () => {
    expect(() => inlineParams(CATALOGUE['ops-kpis']!, { endpoint: "x'; --" }, { kind: 'today' })).toThrow(/endpoint/);
    expect(() => inlineParams(CATALOGUE['ops-kpis']!, { range: '7d' }, { kind: 'today' })).toThrow(/range: not a parameter/);
  });
});

describe('renderUnattended', () => {
  it('parses under the Spark SQL grammar, with current_timestamp() and no parameter left', () => {
    const alertable = Object.values(CATALOGUE).filter((def) => alertableWindows(def, {}, [{ kind: 'last', minutes: 15 }])[0]!.ok);
    expect(alertable.length).toBeGreaterThan(20);
    expect(renderUnattended(CATALOGUE['ops-kpis']!, {}, { kind: 'last', minutes: 15 }, { tables: production }).sql).toContain('(current_timestamp() - INTERVAL 30 MINUTES)');
    for (const def of alertable) {
      const { sql } = renderUnattended(def, {}, { kind: 'last', minutes: 15 }, { tables: production });
      const left: string[] = [];
      replaceParams(sql, (name) => { left.push(name); return ''; });
      expect(left, def.id).toEqual([]);
      expect(statementErrors(sql).map((e) => `${def.id} ${e}`)).toEqual([]);
    }
  });
});

// Each query's case runs it twice per alertable window: slow on a loaded 2-core machine.
describe('an unattended statement on the embedded engine', { timeout: 300_000 }, () => {
  let demo: DemoFixture;
  let tables: ResolvedTables;
  beforeAll(async () => {
    demo = await openDemoFixture({ rows: 20_000 });
    tables = await resolveTables(demo.config, demo.warehouse);
  });
  afterAll(async () => demo?.close());

  /** Every query that can run unattended, with the windows it can run over (a case each, so each has its own budget). */
  const alertable = Object.values(CATALOGUE)
    .map((def) => ({ def, windows: WINDOWS.filter((window) => alertableWindows(def, {}, [window])[0]!.ok) }))
    .filter((c) => c.windows.length > 0);

  it('compares every query that can run unattended, over each window it can', () => {
    expect(alertable.reduce((n, c) => n + c.windows.length, 0)).toBeGreaterThan(60);
  });

  // The same rows as the chart's own run over the same window. At the clock's own now, which
  // queries reading the clock (freshness) read too.
  it.each(alertable.map((c) => [c.def.id, c] as const))('%s returns the rows the query returns over the same window', async (_id, { def, windows }) => {
    const at = demo.end;
    expect(at.getTime()).toBe(now().getTime());
    for (const window of windows) {
      const win = windowAt(window, at);
      const parsed = parseQueryInput(def, new URLSearchParams({ from: win.start.toISOString(), to: win.end.toISOString() }), at, demo.config);
      const expected = await runQuery(def, parsed, { warehouse: demo.warehouse, config: demo.config });
      const { sql } = renderUnattended(def, {}, window, { tables, now: instantSql(at) });
      const got = await demo.warehouse.run(sql, {});
      try {
        expectSameRows(def.post ? def.post(got.rows as never) : got.rows, expected.rows);
      } catch (err) {
        throw new Error(`${def.id} over ${JSON.stringify(window)}: ${(err as Error).message}`);
      }
    }
  });

  it('runs with the real now as written for Databricks', async () => {
    const { sql } = renderUnattended(CATALOGUE['requests-over-time']!, { endpoint: 'chat_assistant' }, { kind: 'last', minutes: 60 }, { tables, now: 'CAST(current_timestamp AS TIMESTAMP)' });
    await expect(demo.warehouse.run(sql, {})).resolves.toMatchObject({ rows: expect.any(Array) });
    expect(now()).toBeInstanceOf(Date);
  });
});
