import 'server-only';
import { loadConfig } from '@/lib/config';
import { createDuckdbWarehouse, openDuckdb } from '@/lib/warehouse/duckdb';
import type { Params } from '@/lib/warehouse/types';
import { prepareEmbeddedRollups } from '@/lib/rollups/prepare';

export interface RawEngine {
  /** Runs the SQL exactly as the route ran it; resolves to the wall time in ms. */
  time(sql: string, params: Params): Promise<number>;
  close(): Promise<void>;
  memoryLimit: string;
  threads: string;
  /** The embedded rollup file the server attaches (its size is reported). */
  rollupPath: string;
  /** The rollups (lib/rollups) the server will reuse: built here first when missing or stale. */
  rollups: { built: boolean; seconds: number; factRows: number; resumedFrom?: { partsDone: number; parts: number; secondsBefore: number } } | null;
}

/** The embedded engine opened the way the server opens it (same config, macros, attached file), inside this process. */
export async function openRawEngine(demoPath: string): Promise<RawEngine> {
  const config = loadConfig({ ...process.env, WAREHOUSE_ENGINE: 'duckdb', DEMO_DB: demoPath, DATA_DIR: '', DEMO_LIVE: 'off' });
  const instance = openDuckdb(config.duckdb);
  const warehouse = createDuckdbWarehouse(instance);
  // Built (or reused) before the server starts, which then finds them current and attaches them.
  const state = config.rollups.mode === 'auto' ? await prepareEmbeddedRollups(await instance, warehouse, config) : null;
  return {
    rollups: state ? { built: state.built ?? false, seconds: state.seconds ?? 0, factRows: state.factRows, ...(state.resumedFrom ? { resumedFrom: state.resumedFrom } : {}) } : null,
    memoryLimit: config.duckdb.memoryLimit,
    rollupPath: config.duckdb.rollupPath,
    threads: config.duckdb.threads === null ? 'DuckDB default (all cores)' : String(config.duckdb.threads),
    async time(sql, params) {
      const t0 = performance.now();
      await warehouse.run(sql, params);
      return performance.now() - t0;
    },
    close: () => warehouse.close(),
  };
}
