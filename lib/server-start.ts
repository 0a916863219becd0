import 'server-only';
import { loadConfigOrExit, type AppConfig } from '@/lib/config';
import { runDoctor, type Check } from '@/lib/doctor';
import { closeWarehouse, getWarehouse } from '@/lib/engine';
import { logger } from '@/lib/logger';
import { warehouseState } from '@/lib/warehouse/databricks-rest';
import { WarehouseError, type Warehouse } from '@/lib/warehouse/types';

/** A bad configuration stops the server with one clear message; shutdown closes the engine. */
export function onServerStart(): void {
  const config = loadConfigOrExit(1);
  const shutdown = (signal: NodeJS.Signals) => {
    logger.info('server.shutdown', { signal });
    void import('@/lib/alerts/runtime').then((m) => m.stopAlerts()).catch(() => undefined)
      .finally(() => closeWarehouse().finally(() => process.exit(signal === 'SIGINT' ? 130 : 0)));
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
  setTimeout(() => void startupCheck(config), 0);
  // The live demo's feeder and the alert evaluator, after start-up (lib/alerts/runtime.ts).
  setTimeout(() => void import('@/lib/alerts/runtime').then((m) => m.startAlerts(config)), 0);
}

export interface StartupDeps {
  open: () => Promise<Warehouse & { stats(): { executions: number } }>;
  state: typeof warehouseState;
  doctor: typeof runDoctor;
  /** How often the engine's counters are read while waiting for a first statement. */
  pollMs?: number;
}

/**
 * The same checks as `npm run doctor`, in the background. On Databricks they wait while the
 * warehouse is not running (asked of the SQL Warehouses API, which does not start it): every
 * statement would start a stopped warehouse, and an app restart should not. They then run once a
 * viewer's first statement has started it.
 */
export async function startupCheck(config: AppConfig, deps: StartupDeps = { open: getWarehouse, state: warehouseState, doctor: runDoctor }): Promise<Check[] | null> {
  try {
    const warehouse = await deps.open();
    if (config.engine === 'databricks' && config.databricks) {
      const state = await deps.state(config.databricks);
      if (!state.known || state.state !== 'RUNNING') {
        logger.info('doctor.deferred', { warehouse: state.known ? state.state : 'unknown', reason: state.known ? undefined : state.reason, until: 'the first query' });
        await firstExecution(warehouse, deps.pollMs);
      }
    }
    const checks = await deps.doctor(config, warehouse);
    for (const c of checks) logger[c.status === 'ok' ? 'info' : c.status === 'warn' ? 'warn' : 'error']('doctor.check', { ...c });
    return checks;
  } catch (err) {
    logger.error('doctor.failed', { error: err instanceof Error ? err.message : String(err), detail: err instanceof WarehouseError ? err.detail : undefined });
    return null;
  }
}

/** Resolves once the engine has run a statement (read from its counters; nothing is sent). */
function firstExecution(warehouse: { stats(): { executions: number } }, everyMs = 10_000): Promise<void> {
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      if (warehouse.stats().executions > 0) {
        clearInterval(timer);
        resolve();
      }
    }, everyMs);
    timer.unref();
  });
}
