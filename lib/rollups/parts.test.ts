import fs from 'node:fs';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { payloadRelation, resolveTables } from '@/lib/catalogue/tables';
import { rewriteParams } from '@/lib/warehouse/compat';
import { openDemoFixture, type DemoFixture } from '@/lib/testing/demo-fixture';
import { ROLLUP_AGGREGATES } from './aggregates';
import { ROLLUP_TABLES, factsVersion, rollupVersion } from './build';
import { BUILD_PART_DAYS, BUILD_PROGRESS_TABLE, ROLLUP_STORAGE_VERSION, buildParts, embeddedBuild, embeddedStatements, ensureEmbeddedRollups, partStatements, sourceDays, sourceFingerprint } from './embedded';

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

/** Every rollup table of catalog `b` holds the same rows as in `a` (and `a` is not empty). */
async function expectSameTables(conn: DuckDBConnection, whole: string, parted: string, tables: string[] = [ROLLUP_TABLES.facts, ROLLUP_TABLES.text, ...ROLLUP_AGGREGATES.map((a) => a.name)]): Promise<void> {
  const count = async (sql: string) => Number((await conn.runAndReadAll(sql)).getRowObjectsJS()[0]!.n);
  for (const table of tables) {
    const rows = await count(`SELECT count(*) AS n FROM ${whole}.${table}`);
    expect(rows, table).toBeGreaterThan(0);
    expect(await count(`SELECT count(*) AS n FROM ${parted}.${table}`), table).toBe(rows);
    // Row for row (doubles summed in another order may differ in the last bits: rounded).
    const cols = (await conn.runAndReadAll(`SELECT column_name, data_type FROM duckdb_columns() WHERE database_name = '${whole}' AND table_name = '${table}' ORDER BY column_index`)).getRowObjectsJS();
    const list = cols.map((c) => (c.data_type === 'DOUBLE' ? `round(${String(c.column_name)}, 6)` : String(c.column_name))).join(', ');
    expect(await count(`SELECT count(*) AS n FROM (SELECT ${list} FROM ${whole}.${table} EXCEPT ALL SELECT ${list} FROM ${parted}.${table})`), table).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM (SELECT ${list} FROM ${parted}.${table} EXCEPT ALL SELECT ${list} FROM ${whole}.${table})`), table).toBe(0);
  }
}

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
        await conn.run(`ATTACH '${path.join(demo.dir, `${name}.duckdb`)}' AS ${name} (STORAGE_VERSION '${ROLLUP_STORAGE_VERSION}')`);
        for (const sql of embeddedStatements(name, source, 'test', parts)) await conn.run(rewriteParams(sql).sql);
      };
      // One-day parts: every request near midnight has its endpoint_usage row in another part's days.
      const start = new Date(demo.end.getTime() - 31 * 86_400_000);
      const parts = buildParts(start, demo.end, 1);
      expect(parts.length).toBeGreaterThan(28);
      await build('whole', []);
      await build('parted', parts);
      await expectSameTables(conn, 'whole', 'parted');
      // The message columns are kept ZSTD-compressed.
      const codecs = (await conn.runAndReadAll(`SELECT DISTINCT compression FROM pragma_storage_info('parted.${ROLLUP_TABLES.text}') WHERE column_name = 'search_key' AND segment_type = 'VARCHAR'`)).getRowObjectsJS().map((r) => String(r.compression));
      expect(codecs).toEqual(['ZSTD']);
      // In time order, part after part.
      expect(await conn.runAndReadAll(`SELECT count(*) AS n FROM (SELECT request_time < lag(request_time) OVER () AS back FROM parted.${ROLLUP_TABLES.facts}) WHERE back`).then((r) => Number(r.getRowObjectsJS()[0]!.n))).toBe(0);
    } finally {
      conn.closeSync();
    }
  });

  it('resumes a stopped build at its first missing part and ends with the same tables', async () => {
    const tables = await resolveTables(demo.config, demo.warehouse);
    const source = { payload: payloadRelation(tables.payload, null), endpointUsage: tables.endpointUsage, servedEntities: tables.servedEntities };
    const instance = await demo.instance;
    const conn = await instance.connect();
    // Build files of processes that cannot exist (above Linux's largest pid), as a killed build leaves them.
    const file = demo.config.duckdb.rollupPath;
    const stopped = `${file}.tmp-4194398`;
    const other = `${file}.tmp-4194399`;
    try {
      const parts = buildParts(...(await sourceDays(conn, source)), BUILD_PART_DAYS);
      expect(parts.length).toBeGreaterThan(3);
      const fingerprint = sourceFingerprint(demo.config.duckdb);
      const run = async (statements: string[]) => {
        for (const sql of statements) await conn.run(rewriteParams(sql).sql);
      };
      // Two parts committed; the third stopped before its commit (its rows never reach the file).
      await conn.run(`ATTACH '${stopped}' AS stopped (STORAGE_VERSION '${ROLLUP_STORAGE_VERSION}')`);
      const plan = embeddedBuild('stopped', source, fingerprint, parts);
      const third = partStatements('stopped', plan.parts[2]!, 2);
      await run([...plan.setup, ...partStatements('stopped', plan.parts[0]!, 0), ...partStatements('stopped', plan.parts[1]!, 1), ...third.slice(0, third.indexOf('COMMIT'))]);
      await conn.run('ROLLBACK');
      await conn.run('DETACH stopped');
      // A stopped build of another source: not resumed, removed.
      await conn.run(`ATTACH '${other}' AS other (STORAGE_VERSION '${ROLLUP_STORAGE_VERSION}')`);
      const otherPlan = embeddedBuild('other', source, 'f00d', parts);
      await run([...otherPlan.setup, ...otherPlan.parts.slice(0, 3).flatMap((p, i) => partStatements('other', p, i))]);
      await conn.run('DETACH other');

      const state = await ensureEmbeddedRollups(instance, demo.config, source);
      expect(state.built).toBe(true);
      expect(state.resumedFrom).toMatchObject({ partsDone: 2, parts: parts.length });
      expect(fs.existsSync(stopped) || fs.existsSync(other)).toBe(false);

      await conn.run(`ATTACH '${path.join(demo.dir, 'one-pass.duckdb')}' AS one_pass (STORAGE_VERSION '${ROLLUP_STORAGE_VERSION}')`);
      await run(embeddedStatements('one_pass', source, fingerprint, []));
      await expectSameTables(conn, 'one_pass', 'lens');
      const leftover = await conn.runAndReadAll(`SELECT count(*) AS n FROM duckdb_tables() WHERE database_name = 'lens' AND table_name = '${BUILD_PROGRESS_TABLE}'`);
      expect(Number(leftover.getRowObjectsJS()[0]!.n)).toBe(0);
      // A second start finds the file complete and reuses it.
      const again = await ensureEmbeddedRollups(instance, demo.config, source);
      expect(again.built).toBe(false);
      expect(again.factRows).toBe(state.factRows);
    } finally {
      conn.closeSync();
    }
  }, 120_000);

  it('builds only the aggregates again when the facts and texts are current, and everything when they are not', async () => {
    const tables = await resolveTables(demo.config, demo.warehouse);
    const source = { payload: payloadRelation(tables.payload, null), endpointUsage: tables.endpointUsage, servedEntities: tables.servedEntities };
    const instance = await demo.instance;
    const conn = await instance.connect();
    const file = demo.config.duckdb.rollupPath;
    const value = async (sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJS()[0] ?? {};
    const marked = async () => Number((await value(`SELECT count(*) AS n FROM lens.${ROLLUP_TABLES.facts} WHERE client_request_id = 'kept-marker'`)).n);
    // As a file of an earlier version leaves it: an aggregate missing, one no longer made, another
    // version; a marked fact row tells whether the facts were kept or read again.
    const age = async (facts: string) => {
      await conn.run('DETACH DATABASE IF EXISTS lens');
      await conn.run(`ATTACH '${file}' AS aged`);
      const bins = 'gateway_lens_token_bins_hourly';
      await conn.run(`DROP TABLE aged.${bins}`);
      await conn.run('CREATE TABLE aged.gateway_lens_retired AS SELECT 1 AS x');
      await conn.run(`UPDATE aged.${ROLLUP_TABLES.state} SET version = 'older', facts_version = '${facts}'`);
      await conn.run(`UPDATE aged.${ROLLUP_TABLES.facts} SET client_request_id = 'kept-marker' WHERE databricks_request_id = (SELECT min(databricks_request_id) FROM aged.${ROLLUP_TABLES.facts})`);
      await conn.run('DETACH aged');
    };
    try {
      const first = await ensureEmbeddedRollups(instance, demo.config, source);
      await age(factsVersion());
      const kept = await ensureEmbeddedRollups(instance, demo.config, source);
      expect(kept.built).toBe(true);
      expect(kept.factRows).toBe(first.factRows);
      expect(await marked()).toBe(1);
      expect(await value(`SELECT version, facts_version FROM lens.${ROLLUP_TABLES.state}`)).toEqual({ version: rollupVersion(), facts_version: factsVersion() });
      const names = (await conn.runAndReadAll(`SELECT table_name FROM duckdb_tables() WHERE database_name = 'lens' ORDER BY 1`)).getRowObjectsJS().map((r) => String(r.table_name));
      expect(names).toEqual([ROLLUP_TABLES.facts, ROLLUP_TABLES.text, ROLLUP_TABLES.state, ...ROLLUP_AGGREGATES.map((a) => a.name)].sort());
      expect(fs.readdirSync(path.dirname(file)).filter((f) => f.includes('.tmp-'))).toEqual([]);
      // The aggregates made again are those of a whole build.
      await conn.run(`ATTACH '${path.join(demo.dir, 'fresh.duckdb')}' AS fresh (STORAGE_VERSION '${ROLLUP_STORAGE_VERSION}')`);
      for (const sql of embeddedStatements('fresh', source, sourceFingerprint(demo.config.duckdb), buildParts(...(await sourceDays(conn, source)), BUILD_PART_DAYS))) await conn.run(rewriteParams(sql).sql);
      await expectSameTables(conn, 'fresh', 'lens', ROLLUP_AGGREGATES.map((a) => a.name));
      await conn.run('DETACH fresh');
      expect((await ensureEmbeddedRollups(instance, demo.config, source)).built).toBe(false);

      // Facts of other definitions: everything is read again (the marker is gone).
      await age('0123456789abcdef');
      const full = await ensureEmbeddedRollups(instance, demo.config, source);
      expect(full.built).toBe(true);
      expect(await marked()).toBe(0);
      expect(full.factRows).toBe(first.factRows);
    } finally {
      conn.closeSync();
    }
  }, 180_000);
});
