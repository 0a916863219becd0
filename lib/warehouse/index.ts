import { getConfig } from '@/lib/config';
import { logger } from '@/lib/logger';
import type { Warehouse } from './types';

export * from './types';

// One engine per server process; kept on globalThis so dev-mode hot reloads reuse it instead of
// opening a second DuckDB instance (or a second pool of Databricks sessions).
const holder = globalThis as unknown as { __gatewayWarehouse?: Promise<Warehouse> };

async function create(): Promise<Warehouse> {
  const config = getConfig();
  if (config.engine === 'databricks' && config.databricks) {
    const { createDatabricksWarehouse } = await import('./databricks');
    logger.info('warehouse.open', { engine: 'databricks', httpPath: config.databricks.httpPath, auth: config.databricks.auth.kind, userAuthorization: config.databricks.userAuthorization });
    return createDatabricksWarehouse(config.databricks);
  }
  const { openDuckdb, createDuckdbWarehouse } = await import('./duckdb');
  const started = performance.now();
  const instance = openDuckdb(config.duckdb);
  await instance;
  logger.info('warehouse.open', { engine: 'duckdb', source: config.duckdb.dataDir ?? config.duckdb.demoPath, ms: Math.round(performance.now() - started) });
  return createDuckdbWarehouse(instance);
}

export function getWarehouse(): Promise<Warehouse> {
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
