import type { AppConfig } from '@/lib/config';
import { checkAllTables, resolveTables } from '@/lib/catalogue/tables';
import { knownTableHealth, type TableStatus } from '@/lib/warehouse/table-health';
import { WarehouseError, type Warehouse } from '@/lib/warehouse/types';
import { rollupBuildStatus, type RollupBuildStatus } from '@/lib/warehouse/rollup-build';

export interface HealthReport {
  /** ok; degraded: some table skipped or unavailable (named in `tables`); failing: nothing can be served. */
  status: 'ok' | 'degraded' | 'failing';
  engine: AppConfig['engine'];
  /** `SELECT 1` on the warehouse, when asked for (`deep`). */
  warehouseMs: number | null;
  /** Every table known, with what is wrong and the fix; empty before the first check on Databricks. */
  tables: TableStatus[];
  /** Why nothing can be served, when failing. */
  problem?: string;
  /** Databricks without `deep`: tables are checked on first use, so a stopped warehouse is never woken. */
  checked: boolean;
  /** Embedded: the rollups are being built (queries read the raw tables until they are). */
  rollupBuild?: RollupBuildStatus;
}

/**
 * Health without side effects by default: the embedded engine is checked (it is local), a
 * Databricks warehouse only when `deep` asks for it (that runs statements, and may start it).
 */
export async function healthReport(config: AppConfig, open: () => Promise<Warehouse>, opts: { deep: boolean; signal?: AbortSignal }): Promise<HealthReport> {
  const base = { engine: config.engine, warehouseMs: null as number | null, tables: [] as TableStatus[], checked: false };
  let warehouse: Warehouse;
  try {
    warehouse = await open();
  } catch (err) {
    if (!(err instanceof WarehouseError)) throw err;
    return { ...base, status: 'failing', problem: err.message };
  }
  let tables: TableStatus[] = knownTableHealth();
  let checked = config.engine === 'duckdb' || opts.deep;
  try {
    if (opts.deep) {
      const started = performance.now();
      await warehouse.run('SELECT 1 AS ok', {}, { signal: opts.signal, label: 'health' });
      base.warehouseMs = Math.round(performance.now() - started);
      tables = await checkAllTables(config, warehouse);
    } else if (config.engine === 'duckdb') {
      const resolved = await resolveTables(config, warehouse);
      tables = [...resolved.payload.map((p): TableStatus => ({ role: 'payload', table: p.table, endpoint: p.endpoint, status: 'ok' })), ...knownTableHealth().filter((s) => !resolved.payload.some((p) => p.table === s.table))];
    }
  } catch (err) {
    if (!(err instanceof WarehouseError)) throw err;
    if (err.kind === 'cancelled') throw err;
    return { ...base, tables: (err.detail as { skipped?: TableStatus[] } | undefined)?.skipped ?? tables, checked, status: 'failing', problem: err.message };
  }
  checked ||= tables.length > 0;
  const usable = tables.some((t) => t.role === 'payload' && t.status === 'ok');
  const status = checked && !usable ? 'failing' : tables.some((t) => t.status !== 'ok') ? 'degraded' : 'ok';
  const building = config.engine === 'duckdb' ? rollupBuildStatus() : null;
  return { ...base, tables, checked, status, ...(status === 'failing' ? { problem: 'No payload table can be read; see tables.' } : {}), ...(building ? { rollupBuild: building } : {}) };
}
