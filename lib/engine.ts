import 'server-only';
import { getConfig, type AppConfig } from '@/lib/config';
import { ensureDemo } from '@/lib/demo/ensure';
import { logger } from '@/lib/logger';
import { parseFaults, withFaults } from '@/lib/warehouse/faults';
import { withSharedRunner, type RunnerStats } from '@/lib/warehouse/shared-runner';
import type { Warehouse } from '@/lib/warehouse/types';

/*
 * The server's one warehouse, wired from its parts: the engine (lib/warehouse), the demo it
 * generates when missing (lib/demo) and the rollups it builds (lib/rollups). The engine layer
 * itself knows neither.
 */

// One engine per server process; kept on globalThis so dev-mode hot reloads reuse it instead of
// opening a second DuckDB instance (or a second pool of Databricks sessions).
type SharedWarehouse = Warehouse & { stats(): RunnerStats; clear(): void };
const holder = globalThis as unknown as { __gatewayWarehouse?: Promise<SharedWarehouse> };

async function create(): Promise<SharedWarehouse> {
  const config = getConfig();
  let engine = await openEngine(config);
  if (config.warehouseFaults) {
    logger.warn('warehouse.faults', { spec: config.warehouseFaults });
    engine = withFaults(engine, parseFaults(config.warehouseFaults));
  }
  return withSharedRunner(engine, { maxConcurrent: config.maxConcurrentQueries, maxEntries: config.queryCache ? 500 : 0 });
}

async function openEngine(config: AppConfig): Promise<Warehouse> {
  if (config.engine === 'databricks' && config.databricks) {
    const { createDatabricksWarehouse } = await import('@/lib/warehouse/databricks');
    logger.info('warehouse.open', { engine: 'databricks', httpPath: config.databricks.httpPath, auth: config.databricks.auth.kind, userAuthorization: config.databricks.userAuthorization });
    return createDatabricksWarehouse(config.databricks);
  }
  const { openDuckdb, createDuckdbWarehouse } = await import('@/lib/warehouse/duckdb');
  await ensureDemo(config.duckdb);
  const started = performance.now();
  const instance = openDuckdb(config.duckdb);
  await instance;
  logger.info('warehouse.open', { engine: 'duckdb', source: config.duckdb.dataDir ?? config.duckdb.demoPath, ms: Math.round(performance.now() - started) });
  const warehouse = createDuckdbWarehouse(instance, { statementTimeoutMs: config.statementTimeoutSeconds * 1000 });
  if (config.rollups.mode === 'auto') {
    // Request facts and hourly rollups, built once per source (lib/rollups); raw tables without them.
    const { prepareEmbeddedRollups } = await import('@/lib/rollups/prepare');
    await prepareEmbeddedRollups(await instance, warehouse, config);
  }
  return warehouse;
}

export function getWarehouse(): Promise<SharedWarehouse> {
  if (!holder.__gatewayWarehouse) {
    holder.__gatewayWarehouse = create().catch((err) => {
      holder.__gatewayWarehouse = undefined; // let the next request try again
      throw err;
    });
  }
  return holder.__gatewayWarehouse;
}

export async function closeWarehouse(): Promise<void> {
  const current = holder.__gatewayWarehouse;
  holder.__gatewayWarehouse = undefined;
  if (current) await (await current.catch(() => null))?.close();
}
