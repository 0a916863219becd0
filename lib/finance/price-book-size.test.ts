import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statementErrors } from '@/lib/testing/spark-grammar';
import { CATALOGUE } from '@/queries';
import { rawContext, renderSql } from '@/lib/catalogue/render';
import { resolveWindow } from '@/lib/catalogue/filters';
import { COMPAT_MACROS, rewriteParams } from '@/lib/warehouse/compat';
import { createDuckdbWarehouse } from '@/lib/warehouse/duckdb';
import { financeParams } from './params';
import { parsePriceBook, priceRows } from './price-book';

/** The Databricks driver binds at most 256 named parameters per statement. */
const DRIVER_LIMIT = 256;

/*
 * A price book of 500 rows (125 models, each matched by two names, each with two prices over
 * time): its names reach the warehouse
 * as one JSON parameter, so every finance statement stays far under the driver's limit, and the
 * relation still gives every row back.
 */
let dir: string;
const models = Array.from({ length: 125 }, (_, i) => ({
  model: `model-${i} "quoted", ünïcode`,
  match: [`model-${i}`, `alias-${i}`],
  prices: [
    { effective_from: '2026-01-01', input_per_1m: 1 + i, output_per_1m: 2 + i, taken_on: '2026-01-01' },
    { effective_from: '2026-06-01', input_per_1m: 1000 + i, output_per_1m: 2000 + i, taken_on: '2026-06-01' },
  ],
}));

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'book-'));
  fs.writeFileSync(path.join(dir, 'book.json'), JSON.stringify({ version: 'big', currency: 'USD', models }));
  process.env.PRICE_BOOK_PATH = path.join(dir, 'book.json');
});
afterAll(() => {
  delete process.env.PRICE_BOOK_PATH;
  fs.rmSync(dir, { recursive: true, force: true });
});

const tables = { payload: [{ endpoint: 'chat', table: 'main.gw.chat_payload' }], endpointUsage: 'system.serving.endpoint_usage', servedEntities: 'system.serving.served_entities' };
const window = (() => {
  const w = resolveWindow({ from: '2026-11-01T00:00:00Z', to: '2026-11-08T00:00:00Z' }, 400);
  if (!w.ok) throw new Error('bad window');
  return w.window;
})();

describe('a 500-row price book', () => {
  it('has 500 rows', () => {
    expect(priceRows(parsePriceBook({ version: 'big', currency: 'USD', models }))).toHaveLength(500);
  });

  it.each(Object.keys(CATALOGUE).filter((id) => id.startsWith('finance-')))('%s binds far fewer parameters than the driver allows, and parses', (id) => {
    const def = CATALOGUE[id]!;
    const sql = renderSql(fs.readFileSync(path.join(process.cwd(), 'queries', `${id}.sql`), 'utf8'), rawContext(tables));
    const used = rewriteParams(sql).params;
    const bound = def.bind({ ...Object.fromEntries(Object.entries(def.params).map(([k]) => [k, undefined])), dimension: 'context', context_key: 'end_user_to_charge', top_n: 8 } as never, { window });
    expect(used.length).toBeLessThan(40);
    expect(Object.keys(bound).length).toBeLessThan(DRIVER_LIMIT);
    for (const p of used) expect(bound, `:${p} is bound`).toHaveProperty(p);
    expect(statementErrors(sql)).toEqual([]);
  });

  it('gives every row back from its one parameter on the embedded engine, names exact', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const c = await instance.connect();
    for (const m of COMPAT_MACROS) await c.run(m);
    c.closeSync();
    const wh = createDuckdbWarehouse(Promise.resolve(instance));
    try {
      const { rows } = await wh.run(renderSql('SELECT model, match_name, input_per_1m FROM {{price_book}} pb ORDER BY input_per_1m, match_name', rawContext(tables)), financeParams({ dimension: 'context', context_key: 'k' }, window));
      expect(rows).toHaveLength(500);
      expect(rows[0]).toEqual({ model: 'model-0 "quoted", ünïcode', match_name: 'alias-0', input_per_1m: 1 });
      expect(rows.at(-1)).toEqual({ model: 'model-124 "quoted", ünïcode', match_name: 'model-124', input_per_1m: 1124 });
    } finally {
      await wh.close();
    }
  });
});
