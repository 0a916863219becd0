import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type AppConfig } from '@/lib/config';
import { generateDemo } from '@/lib/demo/generate';
import { resetTableDiscovery } from '@/lib/catalogue/tables';
import { createDuckdbWarehouse, openDuckdb } from '@/lib/warehouse/duckdb';
import type { Warehouse } from '@/lib/warehouse/types';

export interface DemoFixture {
  dir: string;
  demoPath: string;
  end: Date;
  config: AppConfig;
  warehouse: Warehouse;
  close: () => Promise<void>;
}

/** A small seeded demo warehouse in a temp folder, opened on the real embedded engine. */
export async function openDemoFixture(opts: { rows?: number; seed?: number; end?: Date } = {}): Promise<DemoFixture> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gateway-lens-'));
  const demoPath = path.join(dir, 'demo.duckdb');
  const end = opts.end ?? new Date(Math.floor(Date.now() / 60_000) * 60_000);
  await generateDemo({ path: demoPath, rows: opts.rows ?? 20_000, seed: opts.seed ?? 11, end });
  const config = loadConfig({ DEMO_DB: demoPath, DUCKDB_MEMORY_LIMIT: '2GB' });
  resetTableDiscovery();
  const warehouse = createDuckdbWarehouse(openDuckdb(config.duckdb));
  return {
    dir, demoPath, end, config, warehouse,
    close: async () => {
      await warehouse.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
