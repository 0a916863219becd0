import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '@/queries';
import { loadConfig } from '@/lib/config';
import { parseQueryInput, runQuery } from '@/lib/catalogue/run';
import { resetTableDiscovery } from '@/lib/catalogue/tables';
import { openDemoFixture, type DemoFixture } from '@/lib/testing/demo-fixture';
import { createDuckdbWarehouse, openDuckdb } from './duckdb';

let demo: DemoFixture;
let exportDir: string;

/** Writes each demo table as a folder of Parquet files, the way df.write.parquet() leaves them. */
async function exportParquet(target: string, tables: Record<string, string>) {
  const instance = await DuckDBInstance.create(':memory:');
  const c = await instance.connect();
  await c.run(`ATTACH '${demo.demoPath}' AS demo (READ_ONLY)`);
  for (const [folder, table] of Object.entries(tables)) {
    fs.mkdirSync(path.join(target, folder), { recursive: true });
    await c.run(`COPY (SELECT * FROM ${table}) TO '${path.join(target, folder, 'part-00000.parquet')}' (FORMAT parquet)`);
  }
  c.closeSync();
  instance.closeSync();
}

beforeAll(async () => {
  demo = await openDemoFixture({ rows: 8_000, seed: 21 });
  exportDir = path.join(demo.dir, 'exports');
  await exportParquet(exportDir, {
    chat_assistant_payload: 'demo.inference.chat_assistant_payload',
    doc_embeddings_payload: 'demo.inference.doc_embeddings_payload',
    endpoint_usage: 'demo.serving.endpoint_usage',
    served_entities: 'demo.serving.served_entities',
  });
});
afterAll(async () => { await demo?.close(); });

describe('DATA_DIR', () => {
  it('serves Parquet exports through the same catalogue, with the same figures as the source', async () => {
    const config = loadConfig({ DATA_DIR: exportDir });
    resetTableDiscovery();
    const wh = createDuckdbWarehouse(openDuckdb(config.duckdb));
    try {
      const def = CATALOGUE['requests-over-time']!;
      const qs = new URLSearchParams('range=30d&split=endpoint');
      const fromParquet = await runQuery(def, parseQueryInput(def, qs, demo.end, config), { warehouse: wh, config });
      resetTableDiscovery();
      const fromDemo = await runQuery(def, parseQueryInput(def, qs, demo.end, demo.config), { warehouse: demo.warehouse, config: demo.config });
      const sum = (rows: Record<string, unknown>[], series: string) => rows.filter((r) => r.series === series).reduce((s, r) => s + (r.requests as number), 0);
      expect(new Set(fromParquet.rows.map((r) => r.series))).toEqual(new Set(['chat_assistant', 'doc_embeddings']));
      expect(sum(fromParquet.rows, 'chat_assistant')).toBeCloseTo(sum(fromDemo.rows, 'chat_assistant'), 6);
      expect(fromParquet.sql).toContain('lake.inference.chat_assistant_payload');
    } finally {
      await wh.close();
      resetTableDiscovery();
    }
  });

  it('says so when no payload folder is present', async () => {
    const empty = path.join(demo.dir, 'empty');
    fs.mkdirSync(path.join(empty, 'endpoint_usage'), { recursive: true });
    await expect(openDuckdb(loadConfig({ DATA_DIR: empty }).duckdb)).rejects.toThrow(/no <endpoint>_payload folder/);
  });
});
