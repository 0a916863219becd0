import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type AppConfig } from '@/lib/config';
import { filterParams } from '@/lib/catalogue/filters';
import { rawContext, renderSql } from '@/lib/catalogue/render';
import { resetTableDiscovery, resolveTables } from '@/lib/catalogue/tables';
import { PAYLOAD_SQL } from '@/lib/inspector/detail-sql';
import { parseLookup } from '@/lib/inspector/server';
import { payloadFacts } from '@/lib/payload';
import { createDuckdbWarehouse, openDuckdb } from '@/lib/warehouse/duckdb';
import type { Warehouse } from '@/lib/warehouse/types';
import { CORPUS_ENDPOINT, corpusRequestId, writeCorpusDemo } from './corpus-demo';
import { readCorpus } from './payload-corpus';

const END = new Date('2026-03-02T12:00:00Z');
const corpus = readCorpus();
let dir: string;
let config: AppConfig;
let warehouse: Warehouse;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-demo-'));
  const demo = path.join(dir, 'corpus.duckdb');
  expect(await writeCorpusDemo({ path: demo, end: END })).toEqual({ rows: corpus.length });
  config = loadConfig({ DEMO_DB: demo });
  resetTableDiscovery();
  warehouse = createDuckdbWarehouse(openDuckdb(config.duckdb));
});
afterAll(async () => {
  await warehouse?.close();
  resetTableDiscovery();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the corpus as a warehouse', () => {
  it('is discovered as one endpoint holding every row, a minute apart before the end', async () => {
    const tables = await resolveTables(config, warehouse);
    expect(tables.payload.map((t) => t.endpoint)).toEqual([CORPUS_ENDPOINT]);
    const { rows } = await warehouse.run(`SELECT databricks_request_id, CAST(request_time AS VARCHAR) AS t FROM ${tables.payload[0]!.table} ORDER BY request_time DESC`, {});
    expect(rows.map((r) => r.databricks_request_id)).toEqual(corpus.map((r) => corpusRequestId(r.id)));
    expect(rows[0]!.t).toBe('2026-03-02 11:59:00');
  });

  it('gives back every body byte for byte through the detail page\'s own query, so the page reads what the tests read', async () => {
    const tables = await resolveTables(config, warehouse);
    const sql = renderSql(PAYLOAD_SQL, rawContext(tables, CORPUS_ENDPOINT));
    for (const r of corpus) {
      const lookup = parseLookup(corpusRequestId(r.id), new URLSearchParams(`endpoint=${CORPUS_ENDPOINT}`), config, END);
      const { rows } = await warehouse.run(sql, { ...filterParams({ endpoint: CORPUS_ENDPOINT }, lookup.window), request_id: lookup.id });
      expect(rows, r.id).toHaveLength(1);
      const row = rows[0]!;
      expect([row.request, row.response, row.status_code, row.logging_error_codes], r.id).toEqual([r.request, r.response, r.status_code, r.logging_error_codes]);
      expect(payloadFacts({ request: row.request as string | null, response: row.response as string | null, status_code: row.status_code as number, logging_error_codes: row.logging_error_codes as string[] }), r.id).toEqual(payloadFacts(r));
    }
  });
});
