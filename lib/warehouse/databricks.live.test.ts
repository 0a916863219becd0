import { DBSQLClient } from '@databricks/sql';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../config';
import { databricksStateSql, rollupVersion } from '../rollups/build';
import { jobStatements } from '../rollups/job';
import { createDatabricksWarehouse } from './databricks';
import { buildConnectOptions } from './databricks-clients';
import { WarehouseError, type Warehouse } from './types';

const env = process.env;
const hasWarehouse = Boolean(env.DATABRICKS_HOST && (env.DATABRICKS_WAREHOUSE_ID || env.DATABRICKS_HTTP_PATH));
const hasCredentials = Boolean(env.DATABRICKS_TOKEN || (env.DATABRICKS_CLIENT_ID && env.DATABRICKS_CLIENT_SECRET));
const live = hasWarehouse && hasCredentials;
const title = live
  ? 'live Databricks contract'
  : 'live Databricks contract (skipped: set DATABRICKS_HOST, DATABRICKS_WAREHOUSE_ID or DATABRICKS_HTTP_PATH, and DATABRICKS_TOKEN or DATABRICKS_CLIENT_ID + DATABRICKS_CLIENT_SECRET)';

/** The contract reads no inference table, but config validation wants one named. */
function liveAppConfig() {
  const needsTables = !env.PAYLOAD_TABLES && !env.PAYLOAD_SCHEMA;
  const config = loadConfig({ ...env, WAREHOUSE_ENGINE: 'databricks', ...(needsTables ? { PAYLOAD_SCHEMA: 'main.default' } : {}) });
  if (!config.databricks) throw new Error('loadConfig returned no Databricks settings');
  return config;
}
const liveConfig = () => liveAppConfig().databricks!;
// The job SQL writes ROLLUP_SCHEMA from real payload tables: only when both are named.
const withJob = live && Boolean(env.ROLLUP_SCHEMA && (env.PAYLOAD_TABLES || env.PAYLOAD_SCHEMA));

/** Runs statements in order in one session, as a SQL file task runs its file. */
async function runAsSqlFileTask(statements: string[]): Promise<void> {
  const config = liveConfig();
  const client = new DBSQLClient();
  await client.connect(buildConnectOptions({ ...config, statementTimeoutSeconds: 4 * 3600 }, { kind: 'app' }));
  try {
    const session = await client.openSession();
    try {
      for (const sql of statements) {
        const operation = await session.executeStatement(sql);
        try {
          await operation.fetchAll();
        } finally {
          await operation.close();
        }
      }
    } finally {
      await session.close();
    }
  } finally {
    await client.close();
  }
}

describe.skipIf(!live)(title, () => {
  const onRetry = vi.fn();
  let warehouse: Warehouse;

  afterAll(async () => {
    await warehouse?.close();
  });

  // The first statement may wait for a stopped warehouse to start.
  it('binds typed parameters, runs in UTC and keeps NULL as null', { timeout: 300_000 }, async () => {
    warehouse = createDatabricksWarehouse(liveConfig(), { onRetry });
    const { rows } = await warehouse.run(
      `SELECT 1 AS one, CAST(:s AS STRING) AS s, CAST(:n AS BIGINT) AS n, :d AS d, :b AS b,
              current_timezone() AS tz, CAST(NULL AS INT) AS z,
              TIMESTAMP'2025-01-02 03:04:05' AS ts,
              CAST(0.07 AS DECIMAL(10, 4)) AS small_dec,
              CAST('12345678901234567890.50' AS DECIMAL(38, 2)) AS big_dec,
              CAST(9007199254740993 AS BIGINT) AS big_int,
              map('team', 'ml') AS m, array(1, 2) AS arr`,
      { s: "it's", n: 42, d: 1.5, b: true },
      { label: 'live-contract' },
    );
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row).toMatchObject({ one: 1, s: "it's", n: 42, d: 1.5, b: true, z: null });
    expect(row.tz).toMatch(/^(Etc\/)?UTC$/);
    expect(row.ts).toBe('2025-01-02T03:04:05.000Z');
    expect(row.small_dec).toBe(0.07);
    // DECIMAL becomes the nearest number (row schemas and charts work in doubles).
    expect(row.big_dec).toBe(12345678901234567000);
    expect(row.big_int).toBe('9007199254740993');
    expect(row.m).toEqual({ team: 'ml' });
    expect(row.arr).toEqual([1, 2]);
  });

  it('binds a NULL that works in an optional filter', { timeout: 120_000 }, async () => {
    const sql = `SELECT (:p IS NULL) AS p_is_null, count(*) AS matched
                 FROM VALUES (1), (2), (3) AS t(x) WHERE (:p IS NULL OR x = :p)`;
    expect((await warehouse.run(sql, { p: null })).rows).toEqual([{ p_is_null: true, matched: 3 }]);
    expect((await warehouse.run(sql, { p: 2 })).rows).toEqual([{ p_is_null: false, matched: 1 }]);
  });

  it('accepts an integer parameter in LIMIT', { timeout: 120_000 }, async () => {
    const { rows } = await warehouse.run('SELECT id FROM range(10) ORDER BY id LIMIT :lim', { lim: 3 });
    expect(rows).toEqual([{ id: 0 }, { id: 1 }, { id: 2 }]);
  });

  it('reports a syntax error without retrying', { timeout: 120_000 }, async () => {
    onRetry.mockClear();
    const err = await warehouse.run('SELEC 1', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WarehouseError);
    expect(err).toMatchObject({ kind: 'syntax' });
    expect((err as Error).message).not.toMatch(/SELEC/);
    expect(onRetry).not.toHaveBeenCalled();
  });

  it('cancels a running statement on abort', { timeout: 120_000 }, async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 1_500);
    const err = await warehouse
      .run('SELECT count(*) FROM range(1000000) a CROSS JOIN range(1000000) b', {}, { signal: controller.signal })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'cancelled' });
  });

  it.skipIf(!withJob)("runs the bundle's job SQL: a full build, then a refresh, each recording this definition version", { timeout: 4 * 3600_000 }, async () => {
    const config = liveAppConfig();
    const job = {
      schema: config.rollups.schema!,
      payload: config.payloadTables ? { tables: config.payloadTables } : { schema: config.payloadSchema! },
      endpointUsage: config.endpointUsageTable,
      servedEntities: config.servedEntitiesTable,
    };
    for (const sinceDays of [null, 2]) {
      await runAsSqlFileTask(jobStatements({ ...job, sinceDays }));
      const { rows } = await warehouse.run(databricksStateSql(job.schema), {}, { label: 'live-job' });
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ version: rollupVersion() });
      expect(Number(rows[0]!.fact_rows)).toBeGreaterThanOrEqual(0);
    }
  });
});
