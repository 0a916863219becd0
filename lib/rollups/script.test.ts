import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig, type AppConfig } from '@/lib/config';
import { payloadRelation, resetTableDiscovery } from '@/lib/catalogue/tables';
import { openDemoFixture, type DemoFixture } from '@/lib/testing/demo-fixture';
import { PAYLOAD_COLUMNS } from '@/lib/table-schemas';
import type { DatabricksConfig } from '@/lib/warehouse/databricks';
import { WarehouseError, type Params, type Row, type RunOptions, type Warehouse } from '@/lib/warehouse/types';
import { main, statementLabel } from '@/scripts/rollups';
import { jobFile, jobStatements } from './job';
import { refreshSinceDate } from './args';
import { databricksStatements, rollupVersion } from './build';
import { clearRollupState, currentRollups } from './state';

/** Runs the command as `npm run rollups -- …` would, collecting what it prints. */
async function run(argv: string[], deps: Parameters<typeof main>[1] = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l), ...deps });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('npm run rollups on the embedded engine', () => {
  let demo: DemoFixture;

  beforeAll(async () => {
    demo = await openDemoFixture({ rows: 5_000, seed: 3 });
    demo.config.duckdb.rollupPath = path.join(demo.dir, 'demo.rollups.duckdb');
  }, 120_000);
  afterAll(async () => {
    clearRollupState();
    await demo?.close();
  });

  const built = async () => (await currentRollups(demo.config, demo.warehouse))?.built;

  it('builds the rollup file on the first run and reports it', async () => {
    const r = await run([], { config: demo.config });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`rollups: built ${demo.config.duckdb.rollupPath}`);
    expect(await built()).toBe(true);
    expect(fs.existsSync(demo.config.duckdb.rollupPath)).toBe(true);
    // One fact row per request: each logged one, and each only endpoint_usage counted.
    const { rows } = await demo.warehouse.run(`WITH logged AS (
        SELECT databricks_request_id FROM demo.inference.chat_assistant_payload UNION ALL SELECT databricks_request_id FROM demo.inference.support_agent_payload UNION ALL SELECT databricks_request_id FROM demo.inference.doc_embeddings_payload)
      SELECT (SELECT count(*) FROM logged) + (SELECT count(*) FROM demo.serving.endpoint_usage u
        WHERE u.served_entity_id IN (SELECT served_entity_id FROM demo.serving.served_entities WHERE endpoint_name IN ('chat_assistant', 'support_agent', 'doc_embeddings'))
          AND u.databricks_request_id NOT IN (SELECT databricks_request_id FROM logged)) AS n`, {});
    expect(r.out).toContain(`fact rows  ${Number(rows[0]!.n).toLocaleString('en-US')}`);
    expect(r.out).toMatch(/seconds {4}\d+\.\d/);
  });

  it('reuses a current file on the second run', async () => {
    const before = fs.statSync(demo.config.duckdb.rollupPath).mtimeMs;
    const r = await run([], { config: demo.config });
    expect(r.code).toBe(0);
    expect(r.out).toContain('rollups: reused');
    expect(await built()).toBe(false);
    expect(fs.statSync(demo.config.duckdb.rollupPath).mtimeMs).toBe(before);
  });

  it('rebuilds with --force', async () => {
    const r = await run(['--force'], { config: demo.config });
    expect(r.code).toBe(0);
    expect(r.out).toContain('(--force)');
    expect(r.out).toContain('rollups: built');
    expect(await built()).toBe(true);
  });

  it('rebuilds when the demo file changed', async () => {
    expect((await run([], { config: demo.config })).out).toContain('rollups: reused');
    const later = new Date(fs.statSync(demo.demoPath).mtimeMs + 60_000);
    fs.utimesSync(demo.demoPath, later, later);
    const r = await run([], { config: demo.config });
    expect(r.code).toBe(0);
    expect(r.out).toContain('rollups: built');
    expect(await built()).toBe(true);
    expect((await run([], { config: demo.config })).out).toContain('rollups: reused');
  });

  it('exits 1 with a message when the build fails', async () => {
    const config: AppConfig = { ...demo.config, duckdb: { ...demo.config.duckdb, rollupPath: path.join(demo.demoPath, 'not-a-folder', 'x.duckdb') } };
    const r = await run([], { config });
    expect(r.code).toBe(1);
    expect(r.err).toContain('failed');
    expect(r.err).toContain('raw tables');
  });

  it.each([['--print'], ['--since-days', '2']])('refuses the Databricks-only %s', async (...argv) => {
    const r = await run(argv, { config: demo.config });
    expect(r.code).toBe(2);
    expect(r.err).toContain('is for Databricks');
  });
});

describe('npm run rollups arguments', () => {
  it('prints the usage on a bad value', async () => {
    const r = await run(['--since-days', 'soon'], { config: loadConfig({}) });
    expect(r.code).toBe(2);
    expect(r.err).toContain('--since-days expects a whole number, got "soon"');
    expect(r.err).toContain('usage: npm run rollups -- [--force] [--since-days N] [--print] [--help]');
  });

  it('prints the usage with --help', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^usage: npm run rollups/);
  });
});

const DATABRICKS_ENV = {
  DATABRICKS_HOST: 'example.cloud.databricks.com',
  DATABRICKS_HTTP_PATH: '/sql/1.0/warehouses/abc',
  DATABRICKS_TOKEN: 'dapi-x',
  ROLLUP_SCHEMA: 'main.lens',
  PAYLOAD_TABLES: 'chat=main.gw.chat_payload,main.gw.agent_payload',
};
const NOW = new Date('2026-03-10T05:00:00Z');

/** A warehouse that records statements; `answer` may return rows or throw for one of them. */
function fakeDatabricks(answer: (sql: string) => Row[] | void = () => undefined) {
  const calls: { sql: string; label?: string }[] = [];
  const opened: DatabricksConfig[] = [];
  let closed = 0;
  const warehouse: Warehouse = {
    engine: 'databricks',
    async run(sql: string, params: Params, options: RunOptions = {}) {
      calls.push({ sql, label: options.label });
      // The payload tables' column check: every table asked about has the AI Gateway layout.
      if (options.label === 'table-columns' && !sql.includes('not_there')) {
        const tables = Object.entries(params).filter(([k]) => /^t\d+$/.test(k)).map(([, v]) => String(v));
        return { rows: tables.flatMap((t) => PAYLOAD_COLUMNS.map((c) => ({ table_name: t, column_name: c.name, data_type: c.databricks }))), durationMs: 1 };
      }
      return { rows: answer(sql) ?? [], durationMs: 1_250 };
    },
    async close() {
      closed += 1;
    },
  };
  return {
    calls,
    opened,
    closed: () => closed,
    deps: { now: () => NOW, openDatabricks: (c: DatabricksConfig) => (opened.push(c), warehouse) },
  };
}
const notFound = () => {
  throw new WarehouseError('A table or view was not found.', 'not_found');
};
const stateRow = (version: string) => (sql: string) => (sql.includes('gateway_lens_rollup_state') && sql.startsWith('SELECT') ? [{ version, built_at: '2026-03-09T03:00:00.000Z', covers_end: '2026-03-09T01:00:00.000Z', fact_rows: 1234 }] : undefined);
const payload = payloadRelation([{ endpoint: 'chat', table: 'main.gw.chat_payload' }, { endpoint: 'agent', table: 'main.gw.agent_payload' }], null);
const statementsRun = (calls: { sql: string }[]) => calls.filter((c) => /^(CREATE|DELETE|INSERT)/.test(c.sql)).map((c) => c.sql);

describe('npm run rollups on Databricks', () => {
  beforeEach(() => resetTableDiscovery());

  it('needs ROLLUP_SCHEMA', async () => {
    const fake = fakeDatabricks();
    const r = await run([], { config: loadConfig({ ...DATABRICKS_ENV, ROLLUP_SCHEMA: '' }), ...fake.deps });
    expect(r.code).toBe(2);
    expect(r.err).toContain('ROLLUP_SCHEMA is not set');
    expect(fake.opened).toHaveLength(0);
  });

  it('--print prints the job SQL of a full build without connecting', async () => {
    const fake = fakeDatabricks();
    const config = loadConfig(DATABRICKS_ENV);
    const r = await run(['--print'], { config, ...fake.deps });
    expect(r.code).toBe(0);
    expect(fake.opened).toHaveLength(0);
    expect(fake.calls).toHaveLength(0);
    const job = { schema: 'main.lens', payload: { tables: config.payloadTables! }, endpointUsage: 'system.serving.endpoint_usage', servedEntities: 'system.serving.served_entities', sinceDays: null };
    expect(r.out).toBe(jobFile(job));
    expect(r.out).toContain(`${jobStatements(job).join(';\n\n')};`);
    expect(r.out).toContain(`definition version ${rollupVersion()}`);
  });

  it('--print --since-days prints a refresh relative to the day it runs, with no date in it', async () => {
    const r = await run(['--print', '--since-days', '3'], { config: loadConfig(DATABRICKS_ENV), ...fakeDatabricks().deps });
    expect(r.code).toBe(0);
    expect(r.out).toContain("SET TIME ZONE 'UTC';");
    expect(r.out).toContain('INSERT INTO main.lens.gateway_lens_request_facts REPLACE WHERE request_date >= date_sub(current_date(), 3)\n');
    expect(r.out).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('--print with PAYLOAD_SCHEMA discovers the tables when the job runs', async () => {
    const env = { ...DATABRICKS_ENV, PAYLOAD_TABLES: '', PAYLOAD_SCHEMA: 'main.gw' };
    const fake = fakeDatabricks();
    const r = await run(['--print'], { config: loadConfig(env), ...fake.deps });
    expect(r.code).toBe(0);
    expect(fake.calls).toHaveLength(0);
    expect(r.out).toContain('FROM main.information_schema.columns');
    expect(r.out).toContain('EXECUTE IMMEDIATE gateway_lens_payload_sql;');
  });

  it('runs the full build in order, one label per statement, on a long statement timeout', async () => {
    const fake = fakeDatabricks();
    const r = await run([], { config: loadConfig(DATABRICKS_ENV), ...fake.deps });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const expected = databricksStatements({ schema: 'main.lens', source: { payload, endpointUsage: 'system.serving.endpoint_usage', servedEntities: 'system.serving.served_entities' } });
    expect(statementsRun(fake.calls)).toEqual(expected);
    const labels = fake.calls.filter((c) => /^(CREATE|DELETE|INSERT)/.test(c.sql)).map((c) => c.label);
    expect(labels).toEqual(expected.map((s) => `rollups ${statementLabel(s)}`));
    expect(labels[0]).toBe('rollups create gateway_lens_rollup_build');
    expect(labels[1]).toBe('rollups create gateway_lens_request_facts');
    expect(labels.at(-1)).toBe('rollups create gateway_lens_rollup_state');
    expect(r.out).toContain('full build in main.lens');
    expect(r.out).toMatch(/ 2\/\d+ {2}create gateway_lens_request_facts +1\.3 s/);
    expect(fake.opened[0]!.statementTimeoutSeconds).toBeGreaterThanOrEqual(3600);
    expect(fake.closed()).toBe(1);
  });

  it('--since-days refreshes from today minus N days when the state is of this version', async () => {
    const fake = fakeDatabricks(stateRow(rollupVersion()));
    const r = await run(['--since-days', '2'], { config: loadConfig(DATABRICKS_ENV), ...fake.deps });
    expect(r.code).toBe(0);
    const since = refreshSinceDate(NOW, 2);
    expect(since).toBe('2026-03-08');
    expect(statementsRun(fake.calls)).toEqual(databricksStatements({ schema: 'main.lens', source: { payload, endpointUsage: 'system.serving.endpoint_usage', servedEntities: 'system.serving.served_entities' }, sinceDate: since }));
    expect(r.out).toContain('refreshing rows from 2026-03-08 on');
  });

  it.each([
    ['another version', stateRow('0123456789abcdef'), 'built by definition version 0123456789abcdef'],
    ['no state table', (sql: string) => (sql.includes('gateway_lens_rollup_state') && sql.startsWith('SELECT') ? notFound() : undefined), 'no rollup state table'],
    ['an empty state table', () => [], 'is empty'],
  ])('--since-days builds everything when it finds %s', async (_label, answer, message) => {
    const fake = fakeDatabricks(answer);
    const r = await run(['--since-days', '2'], { config: loadConfig(DATABRICKS_ENV), ...fake.deps });
    expect(r.code).toBe(0);
    expect(r.out).toContain(message);
    expect(statementsRun(fake.calls)[1]).toMatch(/^CREATE OR REPLACE TABLE main\.lens\.gateway_lens_request_facts /);
    expect(statementsRun(fake.calls).join('\n')).not.toMatch(/^DELETE/m);
  });

  it('builds without endpoint_usage when it cannot be read, and says so', async () => {
    const fake = fakeDatabricks((sql) => {
      if (sql.startsWith('SELECT') && sql.includes('FROM system.serving.endpoint_usage')) throw new WarehouseError('You do not have permission to read system.serving.endpoint_usage.', 'permission');
    });
    const r = await run([], { config: loadConfig(DATABRICKS_ENV), ...fake.deps });
    expect(r.code).toBe(0);
    expect(r.err).toContain('system.serving.endpoint_usage cannot be read');
    expect(statementsRun(fake.calls)).toEqual(databricksStatements({ schema: 'main.lens', source: { payload, endpointUsage: null, servedEntities: 'system.serving.served_entities' } }));
  });

  it('discovers the payload tables of PAYLOAD_SCHEMA and refuses to build from none', async () => {
    const env = { ...DATABRICKS_ENV, PAYLOAD_TABLES: '', PAYLOAD_SCHEMA: 'main.gw' };
    const fake = fakeDatabricks((sql) => (sql.includes('information_schema') ? [] : undefined));
    const r = await run([], { config: loadConfig(env), ...fake.deps });
    expect(r.code).toBe(1);
    expect(r.err).toContain('main.gw has no *_payload table');
    expect(statementsRun(fake.calls)).toEqual([]);
    expect(fake.closed()).toBe(1);
  });

  it('stops at the first failing statement, names it and exits 1', async () => {
    const fake = fakeDatabricks((sql) => {
      if (sql.startsWith('CREATE OR REPLACE TABLE main.lens.gateway_lens_hourly')) throw new WarehouseError('The query failed on Databricks.', 'engine', new Error('[DELTA_FAILED] disk full'));
    });
    const r = await run([], { config: loadConfig(DATABRICKS_ENV), ...fake.deps });
    expect(r.code).toBe(1);
    expect(r.err).toContain('failed while create gateway_lens_hourly: The query failed on Databricks.');
    expect(r.err).toContain('[DELTA_FAILED] disk full');
    expect(statementsRun(fake.calls).some((s) => s.includes('gateway_lens_rollup_state'))).toBe(false);
    expect(fake.closed()).toBe(1);
  });
});
