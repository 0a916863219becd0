import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CATALOGUE } from '@/queries';
import { loadConfig, type AppConfig } from '@/lib/config';
import { parseQueryInput, runQuery } from '@/lib/catalogue/run';
import { resetTableDiscovery } from '@/lib/catalogue/tables';
import { resetTableHealth } from '@/lib/warehouse/table-health';
import { runDoctor, formatChecks } from '@/lib/doctor';
import { healthReport } from '@/lib/health';
import { clearRollupState } from '@/lib/rollups/state';
import { openDemoFixture, type DemoFixture } from '@/lib/testing/demo-fixture';
import { openEmbeddedWarehouse, type EmbeddedWarehouse } from '@/lib/engine/embedded-snapshot';
import { openSharedWarehouse } from '@/lib/engine';
import { WarehouseError, type Warehouse } from '@/lib/warehouse/types';

// The broken DATA_DIR layouts a user can hand the embedded engine, and what each one shows: the
// panels (a query's answer or its error), /api/health and `npm run doctor`. One bad table is
// skipped and named; the rest keeps working.

let demo: DemoFixture;
let base: string;
let duck: DuckDBInstance;
const open: EmbeddedWarehouse[] = [];
const closers: (() => Promise<void>)[] = [];

const TABLES = {
  chat_assistant_payload: 'demo.inference.chat_assistant_payload',
  doc_embeddings_payload: 'demo.inference.doc_embeddings_payload',
  endpoint_usage: 'demo.serving.endpoint_usage',
  served_entities: 'demo.serving.served_entities',
};

async function sql(statement: string) {
  const c = await duck.connect();
  try {
    await c.run(statement);
  } finally {
    c.closeSync();
  }
}

/** Writes `select` as one Parquet file in `dir/folder/` (the folder replaced). */
async function writeTable(dir: string, folder: string, select: string, file = 'part-00000.parquet') {
  fs.rmSync(path.join(dir, folder), { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, folder), { recursive: true });
  await sql(`COPY (${select}) TO '${path.join(dir, folder, file)}' (FORMAT parquet)`);
}

/** A fresh copy of the good export, changed by `mutate`. */
async function layout(name: string, mutate: (dir: string) => Promise<void> | void = () => undefined): Promise<string> {
  const dir = path.join(demo.dir, 'layouts', name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(base, dir, { recursive: true });
  await mutate(dir);
  return dir;
}

function configFor(dataDir: string, env: Record<string, string> = {}): AppConfig {
  return loadConfig({ DATA_DIR: dataDir, ROLLUPS: 'off', ROLLUP_DB: path.join(demo.dir, `rollups-${path.basename(dataDir)}.duckdb`), ...env });
}

async function openOn(config: AppConfig, opts: { minCheckIntervalMs?: number; backgroundBuildBytes?: number } = {}) {
  const wh = await openEmbeddedWarehouse(config, opts);
  open.push(wh);
  return wh;
}

async function run(wh: Warehouse, config: AppConfig, id: string, qs: string) {
  const def = CATALOGUE[id]!;
  return runQuery(def, parseQueryInput(def, new URLSearchParams(qs), demo.end, config), { warehouse: wh, config });
}

/** Requests per endpoint over the window, as the traffic panel splits them. */
async function requestsByEndpoint(wh: Warehouse, config: AppConfig) {
  const { rows, sql: text, source } = await run(wh, config, 'requests-over-time', 'range=30d&split=endpoint');
  const out: Record<string, number> = {};
  for (const r of rows) out[String(r.series)] = (out[String(r.series)] ?? 0) + Number(r.requests);
  return { totals: out, sql: text, source };
}

let reference: Record<string, number>;
/** The same panel from the payload tables alone (each logged row 1 / sampling_fraction): what it shows without endpoint_usage. */
let payloadOnly: Record<string, number>;

beforeAll(async () => {
  demo = await openDemoFixture({ rows: 6_000, seed: 31 });
  duck = await DuckDBInstance.create(':memory:');
  await sql(`ATTACH '${demo.demoPath}' AS demo (READ_ONLY)`);
  base = path.join(demo.dir, 'good');
  for (const [folder, table] of Object.entries(TABLES)) await writeTable(base, folder, `SELECT * FROM ${table}`);
  resetTableDiscovery();
  resetTableHealth();
  const config = configFor(base);
  reference = (await requestsByEndpoint(await openOn(config), config)).totals;
  // (The export holds the chat and embeddings payload tables: see TABLES.)
  const { rows } = await demo.warehouse.run(`SELECT endpoint_name, sum(1.0 / sampling_fraction) AS requests FROM (
      SELECT 'chat_assistant' AS endpoint_name, * FROM demo.inference.chat_assistant_payload
      UNION ALL SELECT 'doc_embeddings', * FROM demo.inference.doc_embeddings_payload) p
    WHERE request_time >= CAST(:s AS TIMESTAMP) AND request_time < CAST(:e AS TIMESTAMP) GROUP BY endpoint_name`,
  { s: String((await run(await openOn(config), config, 'requests-over-time', 'range=30d')).params.start_time), e: String((await run(await openOn(config), config, 'requests-over-time', 'range=30d')).params.end_time) });
  payloadOnly = Object.fromEntries(rows.map((r) => [String(r.endpoint_name), Number(r.requests)]));
});

beforeEach(() => {
  resetTableDiscovery();
  resetTableHealth();
  clearRollupState();
});

afterAll(async () => {
  for (const wh of open) await wh.close().catch(() => undefined);
  for (const close of closers) await close().catch(() => undefined);
  duck?.closeSync();
  await demo?.close();
});

describe('DATA_DIR that cannot serve anything', () => {
  it.each([
    ['does not exist', () => path.join(demo.dir, 'nowhere'), /^DATA_DIR does not exist\./],
    ['is a file', async () => {
      const file = path.join(demo.dir, 'a-file');
      fs.writeFileSync(file, 'not a folder');
      return file;
    }, /^DATA_DIR is a file, not a folder of table folders\./],
    ['is empty', () => layout('empty', (dir) => {
      for (const f of fs.readdirSync(dir)) fs.rmSync(path.join(dir, f), { recursive: true });
    }), /^DATA_DIR has no <endpoint>_payload folder \(found: nothing\)/],
  ])('%s: the engine fails with a clear message (no path in it); health says failing', async (_, make, message) => {
    const dataDir = await make();
    const config = configFor(dataDir);
    const err = await openEmbeddedWarehouse(config).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WarehouseError);
    expect((err as Error).message).toMatch(message);
    expect((err as Error).message).not.toContain(demo.dir);
    const health = await healthReport(config, () => Promise.reject(err), { deep: false });
    expect(health).toMatchObject({ status: 'failing', problem: (err as Error).message });
  });
});

describe('one bad payload table: skipped and named, the rest keeps working', () => {
  const cases: Array<[string, (dir: string) => Promise<void> | void, RegExp, string | null]> = [
    ['a missing column', (dir) => writeTable(dir, 'chat_assistant_payload', `SELECT * EXCLUDE (served_entity_id) FROM ${TABLES.chat_assistant_payload}`),
      /missing column served_entity_id/, 'served_entity_id'],
    ['status_code as text', (dir) => writeTable(dir, 'chat_assistant_payload', `SELECT * REPLACE (CAST(status_code AS VARCHAR) AS status_code) FROM ${TABLES.chat_assistant_payload}`),
      /column status_code is VARCHAR, expected INTEGER/, 'status_code'],
    ['a truncated Parquet file', (dir) => {
      const file = path.join(dir, 'chat_assistant_payload', 'part-00000.parquet');
      fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2));
    }, /DATA_DIR\/chat_assistant_payload cannot be read/, null],
    ['a _SUCCESS-only folder', (dir) => {
      fs.rmSync(path.join(dir, 'chat_assistant_payload'), { recursive: true });
      fs.mkdirSync(path.join(dir, 'chat_assistant_payload'));
      fs.writeFileSync(path.join(dir, 'chat_assistant_payload', '_SUCCESS'), '');
    }, /holds no \.parquet file \(only _SUCCESS\)/, null],
    // The legacy (pre-AI Gateway) inference table layout, as the model serving docs describe it.
    ['a legacy inference table', (dir) => writeTable(dir, 'chat_assistant_payload', `SELECT client_request_id, databricks_request_id, request_date AS date,
        CAST(epoch_ms(request_time) AS BIGINT) AS timestamp_ms, status_code, execution_duration_ms AS execution_time_ms, request, response,
        sampling_fraction, MAP {'endpoint_name': 'chat_assistant'} AS request_metadata FROM ${TABLES.chat_assistant_payload}`),
      /another layout: a legacy inference table/, 'request_date'],
  ];

  it.each(cases)('%s', async (name, mutate, problem, column) => {
    const dataDir = await layout(name.replace(/\W+/g, '-'), mutate);
    const config = configFor(dataDir);
    const wh = await openOn(config);

    // Unfiltered panels answer from the good table, with the same figures as before.
    const { totals } = await requestsByEndpoint(wh, config);
    expect(totals).toEqual({ doc_embeddings: reference.doc_embeddings });

    // The bad endpoint's panels say why: the table, the column, the fix.
    const err = await run(wh, config, 'requests-over-time', 'range=30d&endpoint=chat_assistant').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WarehouseError);
    expect((err as Error).message).toMatch(/^The chat_assistant endpoint is disabled: its table lake\.inference\.chat_assistant_payload was skipped/);
    expect((err as Error).message).toMatch(problem);
    expect((err as Error).message).toMatch(/Fix: /);
    expect((err as Error).message).not.toContain(demo.dir);

    // /api/health: degraded, naming it.
    const health = await healthReport(config, async () => wh, { deep: false });
    expect(health.status).toBe('degraded');
    const entry = health.tables.find((t) => t.table === 'lake.inference.chat_assistant_payload');
    expect(entry).toMatchObject({ status: 'skipped', endpoint: 'chat_assistant', problem: expect.stringMatching(problem) });
    if (column) expect(entry?.column).toBe(column);

    // npm run doctor: fails on that table, passes the other.
    const checks = await runDoctor(config, wh);
    expect(checks.find((c) => c.check === 'payload lake.inference.chat_assistant_payload')).toMatchObject({ status: 'fail', detail: expect.stringMatching(problem) });
    expect(checks.find((c) => c.check === 'payload lake.inference.doc_embeddings_payload')).toMatchObject({ status: 'ok' });
    expect(formatChecks(checks)).toMatch(/the dashboard runs without them/);
  });

  it('every payload table bad: the panels say each one, health says failing', async () => {
    const dataDir = await layout('all-bad', async (dir) => {
      for (const f of ['chat_assistant_payload', 'doc_embeddings_payload']) {
        await writeTable(dir, f, `SELECT * REPLACE (CAST(status_code AS VARCHAR) AS status_code) FROM demo.inference.${f}`);
      }
    });
    const config = configFor(dataDir);
    const wh = await openOn(config);
    const err = await run(wh, config, 'requests-over-time', 'range=30d').catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/^No payload table can be read: The chat_assistant endpoint is disabled.*The doc_embeddings endpoint is disabled/);
    expect((await healthReport(config, async () => wh, { deep: false })).status).toBe('failing');
  });
});

describe('layouts that must work', () => {
  it('symlinked table folders are read like any other', async () => {
    const elsewhere = path.join(demo.dir, 'elsewhere');
    fs.rmSync(elsewhere, { recursive: true, force: true });
    fs.cpSync(path.join(base, 'chat_assistant_payload'), path.join(elsewhere, 'chat'), { recursive: true });
    const dataDir = await layout('symlinked', (dir) => {
      fs.rmSync(path.join(dir, 'chat_assistant_payload'), { recursive: true });
      fs.symlinkSync(path.join(elsewhere, 'chat'), path.join(dir, 'chat_assistant_payload'));
      // A linked folder inside a table folder too (a partition kept elsewhere).
      fs.mkdirSync(path.join(elsewhere, 'part2'), { recursive: true });
      fs.renameSync(path.join(dir, 'doc_embeddings_payload', 'part-00000.parquet'), path.join(elsewhere, 'part2', 'part-00000.parquet'));
      fs.symlinkSync(path.join(elsewhere, 'part2'), path.join(dir, 'doc_embeddings_payload', 'linked'));
    });
    const config = configFor(dataDir);
    const wh = await openOn(config);
    expect((await requestsByEndpoint(wh, config)).totals).toEqual(reference);
    expect((await healthReport(config, async () => wh, { deep: false })).status).toBe('ok');
  });

  it('TIMESTAMP WITH TIME ZONE columns (Spark UTC-adjusted Parquet) serve the same figures, and inspector paging works', async () => {
    const tz = (table: string, cols: string[]) => `SELECT * REPLACE (${cols.map((c) => `CAST(${c} AS TIMESTAMPTZ) AS ${c}`).join(', ')}) FROM ${table}`;
    const dataDir = await layout('timestamptz', async (dir) => {
      await writeTable(dir, 'chat_assistant_payload', tz(TABLES.chat_assistant_payload, ['request_time']));
      await writeTable(dir, 'doc_embeddings_payload', tz(TABLES.doc_embeddings_payload, ['request_time']));
      await writeTable(dir, 'endpoint_usage', tz(TABLES.endpoint_usage, ['request_time']));
      await writeTable(dir, 'served_entities', tz(TABLES.served_entities, ['change_time', 'endpoint_delete_time']));
    });
    const config = configFor(dataDir);
    const wh = await openOn(config);
    expect((await requestsByEndpoint(wh, config)).totals).toEqual(reference);

    const first = await run(wh, config, 'inspector-requests', 'range=30d&page_size=5');
    const last = first.rows[4]!;
    expect(String(last.cursor_time)).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d+)?$/);
    const next = await run(wh, config, 'inspector-requests', `range=30d&page_size=5&cursor_time=${encodeURIComponent(String(last.cursor_time))}&cursor_id=${last.databricks_request_id}`);
    expect(next.rows.length).toBeGreaterThan(0);
    // (The list may carry one look-ahead row past the page.)
    const firstIds = new Set(first.rows.slice(0, 5).map((r) => r.databricks_request_id));
    expect(next.rows.some((r) => firstIds.has(r.databricks_request_id))).toBe(false);
  });

  it('a system table with a missing column is unavailable, named, and the payload panels keep working', async () => {
    const dataDir = await layout('usage-missing-column', (dir) => writeTable(dir, 'endpoint_usage', `SELECT * EXCLUDE (usage_context) FROM ${TABLES.endpoint_usage}`));
    const config = configFor(dataDir);
    const wh = await openOn(config);
    // Without a readable endpoint_usage, the panel counts from the payload tables alone.
    const totals = (await requestsByEndpoint(wh, config)).totals;
    expect(Object.keys(totals).sort()).toEqual(Object.keys(payloadOnly).sort());
    for (const [endpoint, n] of Object.entries(payloadOnly)) expect(totals[endpoint]).toBeCloseTo(n, 6);
    expect(totals).not.toEqual(reference);
    const health = await healthReport(config, async () => wh, { deep: false });
    expect(health.status).toBe('degraded');
    expect(health.tables.find((t) => t.table === 'lake.serving.endpoint_usage')).toMatchObject({ status: 'unavailable', problem: 'missing column usage_context' });
    const checks = await runDoctor(config, wh);
    expect(checks.find((c) => c.check === 'endpoint usage lake.serving.endpoint_usage')).toMatchObject({ status: 'warn' });
  });
});

describe('files changed under a running server', () => {
  const withRollups = (dataDir: string) => configFor(dataDir, { ROLLUPS: 'auto' });

  async function rebuilt(wh: EmbeddedWarehouse) {
    for (let i = 0; i < 600 && wh.snapshot().rollups === 'rebuilding'; i++) await new Promise((r) => setTimeout(r, 50));
    expect(wh.snapshot().rollups).toBe('current');
  }

  it('a replaced payload file is seen at once, even past the result cache; the rollups are bypassed (never mixed) and then rebuilt', async () => {
    const dataDir = await layout('replaced');
    const config = withRollups(dataDir);
    // As the routes have it: the shared runner and its result cache in front of the engine.
    const wh = await openSharedWarehouse(config, { snapshotIntervalMs: 0 });
    closers.push(() => wh.close());
    const before = await requestsByEndpoint(wh, config);
    expect(before.sql).toContain('lens.');
    expect(before.totals).toEqual(reference);
    expect((await requestsByEndpoint(wh, config)).source).toBe('cache');

    // Half of chat_assistant's rows, written over its file.
    await writeTable(dataDir, 'chat_assistant_payload', `SELECT * FROM ${TABLES.chat_assistant_payload} WHERE hash(databricks_request_id) % 2 = 0`);
    const raw = await openOn(configFor(dataDir));
    const expected = (await requestsByEndpoint(raw, configFor(dataDir))).totals;
    expect(expected.chat_assistant).toBeLessThan(reference.chat_assistant!);

    const after = await requestsByEndpoint(wh, config);
    expect(after.source).not.toBe('cache');
    expect(after.totals).toEqual(expected);
    expect(after.sql).not.toContain('lens.');

    for (let i = 0; i < 600; i++) {
      const now = await requestsByEndpoint(wh, config);
      expect(now.totals).toEqual(expected);
      if (now.sql.includes('lens.')) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the rollups were not rebuilt');
  });

  it('a big source is served at once from the raw tables while its rollups build, with the build in the health report', async () => {
    const dataDir = await layout('big-source');
    const config = withRollups(dataDir);
    // Every source counts as big here: the first build goes to the background.
    const wh = await openOn(config, { backgroundBuildBytes: 0 });
    expect(wh.snapshot().rollups).toBe('rebuilding');
    const seen: number[] = [];
    const during = await requestsByEndpoint(wh, config);
    expect(during.totals).toEqual(reference);
    expect(during.sql).not.toContain('lens.');
    for (let i = 0; i < 1200 && wh.snapshot().rollups === 'rebuilding'; i++) {
      const health = await healthReport(config, async () => wh, { deep: false });
      if (health.rollupBuild) seen.push(health.rollupBuild.parts);
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(wh.snapshot().rollups).toBe('current');
    // The build reported its parts while it ran, and nothing once it was done.
    expect(seen.length).toBeGreaterThan(0);
    expect(Math.min(...seen)).toBeGreaterThan(1);
    expect((await healthReport(config, async () => wh, { deep: false })).rollupBuild).toBeUndefined();
    const after = await requestsByEndpoint(wh, config);
    expect(after.sql).toContain('lens.');
    expect(after.totals).toEqual(reference);
    // Small sources (the default threshold) still build before the first answer.
    const small = await openOn(withRollups(await layout('small-source')));
    expect(small.snapshot().rollups).toBe('current');
  });

  it('a rollup file corrupted while running: panels answer from the raw tables, then the file is rebuilt', async () => {
    const dataDir = await layout('corrupt-rollups');
    const config = withRollups(dataDir);
    const wh = await openOn(config, { minCheckIntervalMs: 0 });
    expect((await requestsByEndpoint(wh, config)).sql).toContain('lens.');

    const file = config.duckdb.rollupPath;
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(64 * 1024, 0x5a), 0, 64 * 1024, 4096);
    fs.closeSync(fd);

    const during = await requestsByEndpoint(wh, config);
    expect(during.totals).toEqual(reference);
    expect(during.sql).not.toContain('lens.');
    await rebuilt(wh);
    const after = await requestsByEndpoint(wh, config);
    expect(after.sql).toContain('lens.');
    expect(after.totals).toEqual(reference);
  });
});
