import fs from 'node:fs';
import type { DuckDBInstance } from '@duckdb/node-api';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type AppConfig } from '@/lib/config';
import { floorToMinute, generateDemo } from '@/lib/demo/generate';
import { now } from '@/lib/time/clock';
import { resetTableDiscovery } from '@/lib/catalogue/tables';
import { createDuckdbWarehouse, openDuckdb } from '@/lib/warehouse/duckdb';
import type { Warehouse } from '@/lib/warehouse/types';

export interface DemoFixture {
  dir: string;
  demoPath: string;
  end: Date;
  config: AppConfig;
  warehouse: Warehouse;
  /** The engine itself, for tests that attach or build more (e.g. rollups). */
  instance: Promise<DuckDBInstance>;
  close: () => Promise<void>;
}

/** A small seeded demo warehouse in a temp folder, opened on the real embedded engine. */
export async function openDemoFixture(opts: { rows?: number; seed?: number; end?: Date; prepare?: (demoPath: string) => Promise<void> } = {}): Promise<DemoFixture> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gateway-lens-'));
  const demoPath = path.join(dir, 'demo.duckdb');
  const end = floorToMinute(opts.end ?? now());
  await generateDemo({ path: demoPath, rows: opts.rows ?? 20_000, seed: opts.seed ?? 11, end });
  // Changes to the generated data, made before the engine (and its rollups) first read it.
  await opts.prepare?.(demoPath);
  const config = loadConfig({ DEMO_DB: demoPath, DUCKDB_MEMORY_LIMIT: '2GB', DEMO_LIVE: 'off' });
  resetTableDiscovery();
  const instance = openDuckdb(config.duckdb);
  const warehouse = createDuckdbWarehouse(instance);
  return {
    dir, demoPath, end, config, warehouse, instance,
    close: async () => {
      await warehouse.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
