import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { payloadRelation, resolveTables } from '@/lib/catalogue/tables';
import { rewriteParams } from '@/lib/warehouse/compat';
import { openDemoFixture, type DemoFixture } from '@/lib/testing/demo-fixture';
import { ROLLUP_AGGREGATES } from './aggregates';
import { ROLLUP_TABLES } from './build';
import { buildParts, embeddedStatements } from './embedded';

describe('build parts', () => {
  it('cover every day from the first to the last, a few days each, oldest first', () => {
    const parts = buildParts(new Date('2026-10-23T12:34:00Z'), new Date('2026-10-28T00:00:00Z'), 2);
    expect(parts).toEqual([
      { since: '2026-10-23', until: '2026-10-25' },
      { since: '2026-10-25', until: '2026-10-27' },
      { since: '2026-10-27', until: '2026-10-29' },
    ]);
    expect(buildParts(new Date('2026-10-23T00:00:00Z'), new Date('2026-10-23T23:59:59Z'), 3)).toEqual([{ since: '2026-10-23', until: '2026-10-26' }]);
    expect(buildParts(null, null, 2)).toEqual([]);
    expect(() => buildParts(new Date('2026-10-23T00:00:00Z'), new Date('2026-10-24T00:00:00Z'), 0)).toThrow(/whole number of days/);
  });
});

describe('an embedded build in parts', () => {
  let demo: DemoFixture;
  beforeAll(async () => {
    demo = await openDemoFixture({ rows: 6_000, seed: 9 });
  }, 120_000);
  afterAll(async () => demo?.close());

  it('writes the same facts, texts and rollups as one pass over everything', async () => {
    const tables = await resolveTables(demo.config, demo.warehouse);
    const source = { payload: payloadRelation(tables.payload, null), endpointUsage: tables.endpointUsage, servedEntities: tables.servedEntities };
    const conn = await (await demo.instance).connect();
    try {
      const build = async (name: string, parts: ReturnType<typeof buildParts>) => {
        await conn.run(`ATTACH '${path.join(demo.dir, `${name}.duckdb`)}' AS ${name}`);
        for (const sql of embeddedStatements(name, source, 'test', parts)) await conn.run(rewriteParams(sql).sql);
      };
      // One-day parts: every request near midnight has its endpoint_usage row in another part's days.
      const start = new Date(demo.end.getTime() - 31 * 86_400_000);
      const parts = buildParts(start, demo.end, 1);
      expect(parts.length).toBeGreaterThan(28);
      await build('whole', []);
      await build('parted', parts);
      for (const table of [ROLLUP_TABLES.facts, ROLLUP_TABLES.text, ...ROLLUP_AGGREGATES.map((a) => a.name)]) {
        const count = async (sql: string) => Number((await conn.runAndReadAll(sql)).getRowObjectsJS()[0]!.n);
        const rows = await count(`SELECT count(*) AS n FROM whole.${table}`);
        expect(rows, table).toBeGreaterThan(0);
        expect(await count(`SELECT count(*) AS n FROM parted.${table}`), table).toBe(rows);
        // Row for row (doubles summed in another order may differ in the last bits: rounded).
        const cols = (await conn.runAndReadAll(`SELECT column_name, data_type FROM duckdb_columns() WHERE database_name = 'whole' AND table_name = '${table}' ORDER BY column_index`)).getRowObjectsJS();
        const list = cols.map((c) => (c.data_type === 'DOUBLE' ? `round(${String(c.column_name)}, 6)` : String(c.column_name))).join(', ');
        expect(await count(`SELECT count(*) AS n FROM (SELECT ${list} FROM whole.${table} EXCEPT ALL SELECT ${list} FROM parted.${table})`), table).toBe(0);
        expect(await count(`SELECT count(*) AS n FROM (SELECT ${list} FROM parted.${table} EXCEPT ALL SELECT ${list} FROM whole.${table})`), table).toBe(0);
      }
      // In time order, part after part.
      expect(await conn.runAndReadAll(`SELECT count(*) AS n FROM (SELECT request_time < lag(request_time) OVER () AS back FROM parted.${ROLLUP_TABLES.facts}) WHERE back`).then((r) => Number(r.getRowObjectsJS()[0]!.n))).toBe(0);
    } finally {
      conn.closeSync();
    }
  });
});
