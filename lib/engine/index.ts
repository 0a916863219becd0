import 'server-only';
import { getConfig, type AppConfig } from '@/lib/config';
import { ensureDemo } from '@/lib/demo/ensure';
import { loadEmbeddedPrincipals } from '@/lib/principals';
import { logger } from '@/lib/logger';
import { parseFaults, withFaults } from '@/lib/warehouse/faults';
import { withSharedRunner, type RunnerStats } from '@/lib/warehouse/shared-runner';
import type { Warehouse } from '@/lib/warehouse/types';
import type { EmbeddedWarehouse } from './embedded-snapshot';

/*
 * The server's one warehouse, wired from its parts: the engine (lib/warehouse), the demo it
 * generates when missing (lib/demo) and the rollups it builds (lib/rollups), over a consistent
 * snapshot of its source (./embedded-snapshot.ts). The engine layer itself knows none of them.
 */

// One engine per server process; kept on globalThis so dev-mode hot reloads reuse it instead of
// opening a second DuckDB instance (or a second pool of Databricks sessions).
export type SharedWarehouse = Warehouse & { stats(): RunnerStats; clear(): void };
const holder = globalThis as unknown as { __gatewayWarehouse?: Promise<SharedWarehouse> };

/** The engine the routes use: the configured warehouse behind the shared runner (cache, cap, sharing). */
export async function openSharedWarehouse(config: AppConfig, opts: { snapshotIntervalMs?: number } = {}): Promise<SharedWarehouse> {
  // Results cached before the embedded source changed must not be served after it.
  let clearResults: (() => void) | null = null;
  const opened = await openEngine(config, () => clearResults?.(), opts.snapshotIntervalMs);
  let engine: Warehouse = opened;
  if (config.warehouseFaults) {
    logger.warn('warehouse.faults', { spec: config.warehouseFaults });
    engine = withFaults(engine, parseFaults(config.warehouseFaults));
  }
  // Results are per viewer only when statements really run as the viewer (user authorization on).
  const userAuthorization = config.engine === 'databricks' && config.databricks?.userAuthorization === true;
  const runner = withSharedRunner(engine, {
    maxConcurrent: config.maxConcurrentQueries,
    maxEntries: config.queryCache ? 500 : 0,
    runsAsViewer: (options) => userAuthorization && Boolean(options.userAccessToken),
    // The embedded engine notices changed files before a cached result could be served.
    beforeRun: (opened as Partial<EmbeddedWarehouse>).check,
  });
  clearResults = () => runner.clear();
  return runner;
}

async function openEngine(config: AppConfig, onSourceChange: () => void, snapshotIntervalMs?: number): Promise<Warehouse> {
  if (config.engine === 'databricks' && config.databricks) {
    const { createDatabricksWarehouse } = await import('@/lib/warehouse/databricks');
    logger.info('warehouse.open', { engine: 'databricks', httpPath: config.databricks.httpPath, auth: config.databricks.auth.kind, userAuthorization: config.databricks.userAuthorization });
    return createDatabricksWarehouse(config.databricks);
  }
  await ensureDemo(config.duckdb);
  const { openEmbeddedWarehouse } = await import('./embedded-snapshot');
  const started = performance.now();
  // Request facts and hourly rollups are built once per source (lib/rollups); raw tables without them.
  const warehouse = await openEmbeddedWarehouse(config, { onChange: onSourceChange, minCheckIntervalMs: snapshotIntervalMs });
  // The demo's principal names, read once here (not per request): a missing table is no names.
  await loadEmbeddedPrincipals(warehouse, config).catch((err) => logger.warn('principals.load_failed', { error: (err as Error).message }));
  logger.info('warehouse.open', { engine: 'duckdb', source: config.duckdb.dataDir ?? config.duckdb.demoPath, ms: Math.round(performance.now() - started) });
  return warehouse;
}

export function getWarehouse(): Promise<SharedWarehouse> {
  if (!holder.__gatewayWarehouse) {
    holder.__gatewayWarehouse = openSharedWarehouse(getConfig()).catch((err) => {
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
