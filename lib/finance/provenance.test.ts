import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '@/queries';
import { csvResponse } from '@/lib/api/csv-response';
import { loadConfig, type AppConfig } from '@/lib/config';
import { rawContext, renderSql } from '@/lib/catalogue/render';
import { parseQueryInput, runQuery } from '@/lib/catalogue/run';
import { resolveWindow } from '@/lib/catalogue/filters';
import { duckdbCreateTable, ENDPOINT_USAGE_COLUMNS, PAYLOAD_COLUMNS, SERVED_ENTITIES_COLUMNS } from '@/lib/table-schemas';
import { COMPAT_MACROS } from '@/lib/warehouse/compat';
import { createDuckdbWarehouse } from '@/lib/warehouse/duckdb';
import type { Warehouse } from '@/lib/warehouse/types';
import { financeParams } from './params';

const NOW = new Date('2026-11-21T00:00:00Z');
const QS = 'from=2026-11-19T00:00:00Z&to=2026-11-21T00:00:00Z';
const customer = 'Zoë, "quoted" 日本';

// id, time, status, sampling, request, response, entity
const payload: [string, string, number, number, string | null, string | null, string][] = [
  ['r1', '2026-11-20 10:00:00', 200, 1, '{"messages":[]}', '{"usage":{"prompt_tokens":999,"completion_tokens":999}}', 'e1'],
  ['r2', '2026-11-20 10:01:00', 200, 1, `{"messages":[],"usage_context":{"end_user_to_charge":${JSON.stringify(customer)}}}`,
    '{"object":"chat.completion","usage":{"prompt_tokens":30,"completion_tokens":20,"total_tokens":50,"prompt_tokens_details":{"cached_tokens":10}}}', 'e1'],
  ['r3', '2026-11-20 10:02:00', 200, 1, '{"stream":true}',
    '[{"choices":[{"delta":{"content":"hi"}}]},{"choices":[{"delta":{}}],"usage":{"prompt_tokens":7,"completion_tokens":3,"total_tokens":10}}]', 'e1'],
  // No usage anywhere: estimated from the message text a tokenizer would see (39 and 47 characters).
  ['r4', '2026-11-20 10:03:00', 200, 1, `{"messages":[{"role":"user","content":"${'x'.repeat(39)}"}]}`, `{"messages":[{"role":"assistant","content":"${'y'.repeat(47)}"}]}`, 'e2'],
  ['r5', '2026-11-20 10:04:00', 429, 1, '{"messages":[]}', '{"error_code":"REQUEST_LIMIT_EXCEEDED"}', 'e1'],
  ['r6', '2026-11-20 10:05:00', 200, 1, null, null, 'e1'],
  ['r7', '2026-11-20 10:06:00', 200, 0.25, '{"input":"a"}', '{"data":[]}', 'e1'],
  ['r8', '2026-11-19 10:00:00', 200, 1, '{}', '{}', 'e1'],
];
// id, input, output, usage_context
const usage: [string, number, number, string][] = [
  ['r1', 100, 50, `MAP(['end_user_to_charge'], ['acme'])`],
  ['r7', 1000, 0, `MAP(['end_user_to_charge'], ['acme'])`],
  ['r8', 1000, 1000, `MAP(['end_user_to_charge'], ['acme'])`],
];

let dir: string;
let wh: Warehouse;
const config = (usageTable = 'memory.main.endpoint_usage'): AppConfig => loadConfig({
  PAYLOAD_TABLES: 'chat=memory.main.chat_payload',
  ENDPOINT_USAGE_TABLE: usageTable,
  SERVED_ENTITIES_TABLE: 'memory.main.served_entities',
});
const sq = (v: string | null) => (v === null ? 'NULL' : `'${v.replaceAll("'", "''")}'`);

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'finance-'));
  const book = path.join(dir, 'book.json');
  fs.writeFileSync(book, JSON.stringify({
    version: 'test', currency: 'EUR',
    models: [{ model: 'gpt-4o', match: ['gpt-4o'], prices: [
      { effective_from: '2026-01-01', input_per_1m: 10, output_per_1m: 20, taken_on: '2026-01-01' },
      { effective_from: '2026-11-20', input_per_1m: 2, output_per_1m: 4, cached_input_per_1m: 1, taken_on: '2026-11-20' },
    ] }],
  }));
  process.env.PRICE_BOOK_PATH = book;
  const instance = DuckDBInstance.create(':memory:').then(async (i) => {
    const c = await i.connect();
    await c.run(`SET GLOBAL TimeZone = 'UTC'`);
    for (const m of COMPAT_MACROS) await c.run(m);
    await c.run(duckdbCreateTable('memory.main.chat_payload', PAYLOAD_COLUMNS));
    await c.run(duckdbCreateTable('memory.main.endpoint_usage', ENDPOINT_USAGE_COLUMNS));
    await c.run(duckdbCreateTable('memory.main.served_entities', SERVED_ENTITIES_COLUMNS));
    for (const [id, t, status, sf, req, resp, ent] of payload) {
      await c.run(`INSERT INTO memory.main.chat_payload (request_date, databricks_request_id, request_time, status_code, sampling_fraction, request, response, served_entity_id, requester)
        VALUES (CAST('${t}' AS DATE), '${id}', TIMESTAMP '${t}', ${status}, ${sf}, ${sq(req)}, ${sq(resp)}, '${ent}', 'alice@example.com')`);
    }
    for (const [id, inTok, outTok, ctx] of usage) {
      const t = payload.find((p) => p[0] === id)![1];
      await c.run(`INSERT INTO memory.main.endpoint_usage (databricks_request_id, request_time, input_token_count, output_token_count, usage_context) VALUES ('${id}', TIMESTAMP '${t}', ${inTok}, ${outTok}, ${ctx})`);
    }
    await c.run(`INSERT INTO memory.main.served_entities (served_entity_id, served_entity_name, entity_name, change_time) VALUES
      ('e1', 'primary', 'old-name', TIMESTAMP '2026-01-01 00:00:00'), ('e1', 'primary', 'GPT-4o', TIMESTAMP '2026-06-01 00:00:00'),
      ('e2', 'agent', 'main.agents.support', TIMESTAMP '2026-01-01 00:00:00')`);
    c.closeSync();
    return i;
  });
  wh = createDuckdbWarehouse(instance);
});
afterAll(async () => {
  await wh.close();
  delete process.env.PRICE_BOOK_PATH;
  fs.rmSync(dir, { recursive: true, force: true });
});

async function pricedRows(cfg: AppConfig, readable = true) {
  const win = resolveWindow({ from: '2026-11-19T00:00:00Z', to: '2026-11-21T00:00:00Z' }, 400, NOW);
  if (!win.ok) throw new Error('bad window');
  const tables = { payload: cfg.payloadTables!, endpointUsage: cfg.endpointUsageTable, servedEntities: cfg.servedEntitiesTable };
  const sql = renderSql('SELECT * FROM {{priced_requests}} t ORDER BY databricks_request_id', rawContext(tables, null, readable ? 'read' : 'none'));
  const params = financeParams({ dimension: 'context', context_key: 'end_user_to_charge' }, win.window);
  const { rows } = await wh.run(sql, params);
  return Object.fromEntries(rows.map((r) => [r.databricks_request_id as string, r]));
}

const run = (id: string, qs: string, cfg = config()) => {
  const def = CATALOGUE[id]!;
  return runQuery(def, parseQueryInput(def, new URLSearchParams(qs), NOW, cfg), { warehouse: wh, config: cfg });
};

describe('token provenance', () => {
  it('takes endpoint_usage first, then the response usage (plain and streamed), then (message characters + 1) / 4', async () => {
    const r = await pricedRows(config());
    expect([r.r1!.token_source, r.r1!.input_tokens, r.r1!.output_tokens]).toEqual(['usage_table', 100, 50]);
    expect([r.r2!.token_source, r.r2!.input_tokens, r.r2!.output_tokens, r.r2!.cached_input_tokens]).toEqual(['response', 30, 20, 10]);
    expect([r.r3!.token_source, r.r3!.input_tokens, r.r3!.output_tokens]).toEqual(['response', 7, 3]);
    // (characters of the message text + 1) / 4, never of the JSON around it.
    expect([r.r4!.token_source, r.r4!.input_tokens, r.r4!.output_tokens]).toEqual(['estimate', Math.floor((39 + 1) / 4), Math.floor((47 + 1) / 4)]);
    expect([r.r5!.token_source, r.r5!.input_tokens, r.r5!.output_tokens]).toEqual(['estimate', 0, 0]);
    expect([r.r6!.token_source, r.r6!.input_tokens, r.r6!.output_tokens, r.r6!.cost]).toEqual(['unknown', null, null, null]);
  });

  it('reads usage_context from endpoint_usage, else from the request body', async () => {
    const r = await pricedRows(config());
    // The value of the bound context key (end_user_to_charge), as the finance dimension reads it.
    expect(r.r1!.context_value).toBe('acme');
    expect(r.r2!.context_value).toBe(customer);
  });

  it('works from the payload alone when endpoint_usage is not readable', async () => {
    const r = await pricedRows(config(), false);
    expect([r.r1!.token_source, r.r1!.input_tokens]).toEqual(['response', 999]);
    const missing = await run('finance-summary', QS, config('memory.main.no_such_usage_table'));
    expect(missing.endpointUsage).toBe('unreadable');
    expect(missing.sql).not.toContain('no_such_usage_table');
    expect(missing.rows.find((x) => x.token_source === 'usage_table')).toBeUndefined();
    expect((await run('finance-summary', QS)).endpointUsage).toBe('readable');
  });
});

describe('pricing', () => {
  it('applies the price in force on the request date, the cached-input price, and matches the latest entity row', async () => {
    const r = await pricedRows(config());
    expect(r.r1!.cost).toBeCloseTo((100 * 2 + 50 * 4) / 1e6, 12);
    expect(r.r2!.cost).toBeCloseTo((20 * 2 + 10 * 1 + 20 * 4) / 1e6, 12);
    expect(r.r8!.cost).toBeCloseTo((1000 * 10 + 1000 * 20) / 1e6, 12);
    expect(r.r8!.price_model).toBe('gpt-4o');
  });

  it('leaves an unpriced model without a cost, never 0, and counts its tokens apart', async () => {
    const r = await pricedRows(config());
    expect(r.r4!.price_model).toBeNull();
    expect(r.r4!.cost).toBeNull();
    const model = await run('finance-breakdown', `${QS}&dimension=model&top_n=0`);
    const agent = model.rows.find((x) => x.value === 'main.agents.support')!;
    expect(agent.cost).toBeNull();
    expect(agent.unpriced_tokens).toBe((r.r4!.input_tokens as number) + (r.r4!.output_tokens as number));
  });

  it('counts a request endpoint_usage has once, whatever its sampling_fraction (usage first)', async () => {
    const acme = await run('finance-breakdown', `${QS}&dimension=context&context_key=end_user_to_charge&focus=acme`);
    expect(acme.rows).toHaveLength(1);
    // r1 + r7 + r8, each counted by endpoint_usage: r7's sampling (0.25) no longer multiplies it.
    expect(acme.rows[0]!.requests).toBe(3);
    expect(acme.rows[0]!.input_tokens).toBe(100 + 1000 + 1000);
    expect(acme.rows[0]!.cost).toBeCloseTo((100 * 2 + 50 * 4 + 1000 * 2 + 1000 * 10 + 1000 * 20) / 1e6, 12);
    expect(acme.rows[0]!.currency).toBe('EUR');
  });
});

describe('CSV export of a breakdown', () => {
  it('has every row, quoting commas and quotes, keeping non-ASCII, with a BOM', async () => {
    const def = CATALOGUE['finance-breakdown']!;
    const all = await run('finance-breakdown', `${QS}&dimension=context&top_n=0`);
    const text = await csvResponse(def, all.rows, 'req-1').text();
    const lines = text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe(Object.keys(def.row.shape).join(','));
    expect(lines).toHaveLength(all.rows.length + 1);
    expect(text).toContain('"Zoë, ""quoted"" 日本"');
    const top1 = await run('finance-breakdown', `${QS}&dimension=context&top_n=1`);
    expect(top1.rows.map((x) => x.value)).toEqual(['acme', '(other)']);
  });
});
