import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@/lib/config';
import { rawContext, renderSql } from '@/lib/catalogue/render';
import { resetTableDiscovery, resolveTables } from '@/lib/catalogue/tables';
import { CORPUS_ENDPOINT, corpusRequestId, writeCorpusDemo } from '@/lib/testing/corpus-demo';
import { readCorpus } from '@/lib/testing/payload-corpus';
import { createDuckdbWarehouse, openDuckdb } from '@/lib/warehouse/duckdb';
import type { Row, Warehouse } from '@/lib/warehouse/types';
import { payloadFacts, type PayloadFacts } from '.';

const END = new Date('2026-03-02T12:00:00Z');
const corpus = readCorpus();
const FIELDS = Object.keys(payloadFacts(corpus[0]!)) as (keyof PayloadFacts)[];
let dir: string;
let warehouse: Warehouse;
let rows: Map<string, Row>;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sql-twin-'));
  const demo = path.join(dir, 'corpus.duckdb');
  await writeCorpusDemo({ path: demo, end: END });
  const config = loadConfig({ DEMO_DB: demo });
  resetTableDiscovery();
  warehouse = createDuckdbWarehouse(openDuckdb(config.duckdb));
  const tables = await resolveTables(config, warehouse);
  const sql = renderSql(`SELECT pf.databricks_request_id, ${FIELDS.map((f) => `pf.${f}`).join(', ')} FROM {{payload_facts}} pf`, { ...rawContext(tables, CORPUS_ENDPOINT), scope: 'build' });
  const result = await warehouse.run(sql, {});
  rows = new Map(result.rows.map((r) => [String(r.databricks_request_id), r]));
}, 60_000);
afterAll(async () => {
  await warehouse?.close();
  resetTableDiscovery();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the SQL reading of payloads (queries/relations/payload_facts.sql) equals payloadFacts', () => {
  it('reads every corpus row', () => {
    expect([...rows.keys()].sort()).toEqual(corpus.map((r) => corpusRequestId(r.id)).sort());
  });

  it.each(corpus.map((r) => [r.id, r] as const))('%s', (_id, r) => {
    const sql = rows.get(corpusRequestId(r.id))!;
    const ts = payloadFacts(r);
    const got = Object.fromEntries(FIELDS.map((f) => [f, sql[f]]));
    expect(got).toEqual(ts);
  });
});
