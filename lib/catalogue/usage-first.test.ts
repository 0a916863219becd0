import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '@/queries';
import { getPriceBook, priceFor } from '@/lib/finance/price-book';
import { prepareEmbeddedRollups } from '@/lib/rollups/prepare';
import { clearRollupState, setRollupState, type RollupState } from '@/lib/rollups/state';
import { openDemoFixture, type DemoFixture } from '@/lib/testing/demo-fixture';
import type { Row } from '@/lib/warehouse/types';
import { parseQueryInput, runQuery } from './run';

/*
 * "Count what Databricks counted": a dataset where the answers are known exactly.
 * - doc_embeddings is logged at sampling_fraction 0.25 and endpoint_usage has every request: each
 *   customer's requests and tokens are the sums of its usage rows, never the sampled rows × 4.
 * - An hour of doc_embeddings is missing from endpoint_usage (a gap): its two logged rows stand for
 *   eight requests, estimated, with the tokens their responses report.
 * - A service principal floods chat_assistant: 25 × 429 and 3 × 401 that only endpoint_usage
 *   counted (never logged), attributed to it with their usage_context.
 */
const WINDOW = 'from=2026-11-19T00:00:00Z&to=2026-11-20T00:00:00Z';
const SENDER = '7adec209-46ae-4a4c-a228-e542a4ff8384';
const EMB = 'e-emb';
const CHAT = 'e-chat';

type Req = { id: string; at: string; status: number; entity: string; requester: string; customer: string; usage: [number, number] | null; logged: number | null; respTokens?: number };
const requests: Req[] = [
  // doc_embeddings at 10:00: 40 requests, every 4th logged (sampling 0.25), all in endpoint_usage.
  ...Array.from({ length: 40 }, (_, i): Req => ({
    id: `emb-${String(i).padStart(2, '0')}`, at: `2026-11-19 10:${String(i).padStart(2, '0')}:00`, status: 200, entity: EMB, requester: 'doc-indexer@example.com',
    customer: i < 24 ? 'acme' : 'globex', usage: [100 + i, 0], logged: i % 4 === 0 ? 0.25 : null, respTokens: 999,
  })),
  // 12:00: two logged rows endpoint_usage never got (a gap in usage tracking).
  ...[0, 1].map((i): Req => ({ id: `emb-gap-${i}`, at: `2026-11-19 12:0${i}:00`, status: 200, entity: EMB, requester: 'doc-indexer@example.com', customer: 'acme', usage: null, logged: 0.25, respTokens: 50 })),
  // 14:00: the storm, never logged; two answered requests of the same sender were logged.
  ...Array.from({ length: 25 }, (_, i): Req => ({ id: `storm-429-${i}`, at: `2026-11-19 14:${String(i).padStart(2, '0')}:00`, status: 429, entity: CHAT, requester: SENDER, customer: 'ticketing', usage: [0, 0], logged: null })),
  ...Array.from({ length: 3 }, (_, i): Req => ({ id: `storm-401-${i}`, at: `2026-11-19 14:3${i}:00`, status: 401, entity: CHAT, requester: SENDER, customer: 'ticketing', usage: [0, 0], logged: null })),
  ...Array.from({ length: 2 }, (_, i): Req => ({ id: `storm-ok-${i}`, at: `2026-11-19 14:4${i}:00`, status: 200, entity: CHAT, requester: SENDER, customer: 'ticketing', usage: [300, 40], logged: 1, respTokens: 7 })),
  // alice's ordinary chats, logged and counted.
  ...Array.from({ length: 5 }, (_, i): Req => ({ id: `alice-${i}`, at: `2026-11-19 16:0${i}:00`, status: 200, entity: CHAT, requester: 'alice@example.com', customer: 'globex', usage: [200, 20], logged: 1, respTokens: 7 })),
];

let demo: DemoFixture;
let built: RollupState;

const sq = (v: string) => `'${v.replaceAll("'", "''")}'`;

async function replaceData(demoPath: string) {
  const instance = await DuckDBInstance.create(demoPath);
  const c = await instance.connect();
  try {
    for (const t of ['inference.chat_assistant_payload', 'inference.support_agent_payload', 'inference.doc_embeddings_payload', 'serving.endpoint_usage', 'serving.served_entities']) await c.run(`DELETE FROM ${t}`);
    await c.run(`INSERT INTO serving.served_entities (served_entity_id, endpoint_name, served_entity_name, entity_name, change_time) VALUES
      ('${CHAT}', 'chat_assistant', 'primary', 'gpt-4o', TIMESTAMP '2026-01-01 00:00:00'),
      ('${EMB}', 'doc_embeddings', 'embedder', 'text-embedding-3-small', TIMESTAMP '2026-01-01 00:00:00')`);
    for (const r of requests) {
      const usageContext = `MAP(['end_user_to_charge'], [${sq(r.customer)}])`;
      if (r.usage) {
        await c.run(`INSERT INTO serving.endpoint_usage (databricks_request_id, requester, status_code, request_time, input_token_count, output_token_count, usage_context, served_entity_id)
          VALUES (${sq(r.id)}, ${sq(r.requester)}, ${r.status}, TIMESTAMP ${sq(r.at)}, ${r.usage[0]}, ${r.usage[1]}, ${usageContext}, ${sq(r.entity)})`);
      }
      if (r.logged !== null) {
        const table = r.entity === CHAT ? 'inference.chat_assistant_payload' : 'inference.doc_embeddings_payload';
        const request = JSON.stringify({ input: 'text', usage_context: { end_user_to_charge: r.customer } });
        const response = JSON.stringify({ object: 'list', data: [], usage: { prompt_tokens: r.respTokens, total_tokens: r.respTokens } });
        await c.run(`INSERT INTO ${table} (request_date, databricks_request_id, request_time, status_code, sampling_fraction, execution_duration_ms, request, response, served_entity_id, logging_error_codes, requester)
          VALUES (CAST(${sq(r.at)} AS DATE), ${sq(r.id)}, TIMESTAMP ${sq(r.at)}, ${r.status}, ${r.logged}, 120, ${sq(request)}, ${sq(response)}, ${sq(r.entity)}, [], ${sq(r.requester)})`);
      }
    }
  } finally {
    c.closeSync();
    instance.closeSync();
  }
}

beforeAll(async () => {
  demo = await openDemoFixture({ rows: 1_000, seed: 3, end: new Date('2026-11-20T00:00:00Z'), prepare: replaceData });
  demo.config.duckdb.rollupPath = path.join(demo.dir, 'demo.rollups.duckdb');
  const state = await prepareEmbeddedRollups(await demo.instance, demo.warehouse, demo.config);
  if (!state) throw new Error('rollups did not build');
  built = state;
}, 120_000);

afterAll(async () => {
  clearRollupState();
  await demo?.close();
});

async function run(id: string, qs: string, state: RollupState | null): Promise<Row[]> {
  if (state) setRollupState(state);
  else clearRollupState();
  const def = CATALOGUE[id]!;
  const r = await runQuery(def, parseQueryInput(def, new URLSearchParams(`${WINDOW}&${qs}`), new Date('2026-11-20T00:00:00Z'), demo.config), { warehouse: demo.warehouse, config: demo.config });
  return r.rows;
}

const sumWhere = (pick: (r: Req) => boolean, value: (r: Req) => number) => requests.filter(pick).reduce((s, r) => s + value(r), 0);

describe.each([['raw tables', false], ['rollups', true]] as const)('usage first, from the %s', (_label, withRollups) => {
  const state = () => (withRollups ? built : null);

  it('each customer’s requests and tokens are the sums of its usage rows where they exist, the gap estimated', async () => {
    const rows = await run('finance-breakdown', 'dimension=context&context_key=end_user_to_charge&top_n=0', state());
    const by = Object.fromEntries(rows.map((r) => [r.value as string, r]));
    // acme: 24 usage rows exactly, plus the gap's two logged rows at 1 / 0.25 each, with their responses' tokens.
    const acmeUsage = sumWhere((r) => r.customer === 'acme' && r.usage !== null, (r) => r.usage![0]);
    expect(by.acme!.requests).toBeCloseTo(24 + 2 * 4, 9);
    expect(by.acme!.input_tokens).toBeCloseTo(acmeUsage + 2 * 50 * 4, 9);
    // globex: 16 embeddings and alice's 5 chats, all counted by endpoint_usage: exact, never ×4.
    expect(by.globex!.requests).toBeCloseTo(16 + 5, 9);
    expect(by.globex!.input_tokens).toBeCloseTo(sumWhere((r) => r.customer === 'globex', (r) => r.usage![0]), 9);
    expect(by.ticketing!.requests).toBeCloseTo(30, 9);
    // Cost is the usage rows' tokens at the book's prices.
    const emb = priceFor(getPriceBook(), 'text-embedding-3-small', '2026-11-19')!;
    expect(by.acme!.cost).toBeCloseTo(((acmeUsage + 400) * emb.inputPer1m) / 1e6, 12);
  });

  it('says how much is counted one by one and how much estimated from sampled rows', async () => {
    const rows = await run('finance-summary', 'dimension=context&context_key=end_user_to_charge', state());
    const total = rows.reduce((s, r) => s + (r.requests as number), 0);
    const counted = rows.reduce((s, r) => s + (r.sampled_rows as number), 0);
    expect(total).toBeCloseTo(40 + 8 + 30 + 5, 9);
    expect(total - counted).toBeCloseTo(6, 9);
    expect(rows.find((r) => r.token_source === 'response')!.requests).toBeCloseTo(8, 9);
  });

  it('attributes the storm’s unlogged 429s and 401s to their sender and usage_context', async () => {
    const who = await run('ops-errors-breakdown', 'by=requester', state());
    const sender = who.find((r) => r.group_value === SENDER)!;
    expect(sender).toMatchObject({ requests: 30, errors: 28, rate_limited: 25, unlogged_errors: 28 });
    expect(who[0]!.group_value).toBe(SENDER);
    const byCustomer = await run('ops-errors-breakdown', 'by=usage_context&context_key=end_user_to_charge', state());
    expect(byCustomer.find((r) => r.group_value === 'ticketing')).toMatchObject({ errors: 28, unlogged_errors: 28 });
    const codes = Object.fromEntries((await run('ops-status-codes', '', state())).map((r) => [r.status_code as number, r]));
    expect(codes[429]).toMatchObject({ requests: 25, sampled_rows: 0, unlogged_requests: 25 });
    expect(codes[401]).toMatchObject({ requests: 3, unlogged_requests: 3 });
  });

  it('counts every request exactly next to what the payload tables alone estimate', async () => {
    const kpis = await run('ops-kpis', '', state());
    const current = kpis.find((r) => r.period === 'current')!;
    expect(current.requests).toBeCloseTo(83, 9);
    expect(current.exact_requests).toBeCloseTo(75, 9);
    expect(current.payload_requests).toBeCloseTo(10 * 4 + 2 * 4 + 2 + 5, 9);
    expect(current.sampled_rows).toBe(19);
    expect(current.errors).toBeCloseTo(28, 9);
  });

  it('lists the storm’s sender among the requesters, the busiest first', async () => {
    const rows = await run('requesters', '', state());
    expect(rows.map((r) => r.requester)).toEqual(['doc-indexer@example.com', SENDER, 'alice@example.com']);
    expect(rows[1]).toMatchObject({ requests: 30, errors: 28 });
  });
});

describe('principal names', () => {
  it('come from the workspace’s SCIM API for service principals, e-mails stand for themselves', async () => {
    const { principals, clearPrincipals } = await import('@/lib/principals');
    clearPrincipals();
    const seen: string[] = [];
    const fetchFn = async (url: string, init?: { headers?: Record<string, string> }) => {
      seen.push(url);
      expect(init?.headers?.authorization).toBe('Bearer dapi-test');
      return { ok: true, status: 200, json: async () => ({ totalResults: 1, Resources: [{ applicationId: SENDER, displayName: 'ticket-enricher', id: '123' }] }) };
    };
    const config = { ...demo.config, engine: 'databricks' as const, databricks: { host: 'adb-1.2.azuredatabricks.net', httpPath: '/sql/1.0/warehouses/abc', auth: { kind: 'pat' as const, token: 'dapi-test' }, userAuthorization: false, statementTimeoutSeconds: 60, retryBudgetMs: 1000 } } as unknown as typeof demo.config;
    const named = await principals([SENDER, 'alice@example.com', '00000000-0000-0000-0000-00000000000f'], { config, warehouse: demo.warehouse, fetchFn: fetchFn as never });
    expect(named).toEqual([
      { id: SENDER, name: 'ticket-enricher', kind: 'service_principal' },
      { id: 'alice@example.com', name: 'alice@example.com', kind: 'user' },
      { id: '00000000-0000-0000-0000-00000000000f', name: null, kind: 'service_principal' },
    ]);
    expect(seen).toHaveLength(1);
    expect(decodeURIComponent(seen[0]!)).toContain(`/api/2.0/preview/scim/v2/ServicePrincipals?filter=applicationId eq "${SENDER}" or applicationId eq "00000000-0000-0000-0000-00000000000f"`);
    // Cached: asked again, the API is not.
    await principals([SENDER], { config, warehouse: demo.warehouse, fetchFn: fetchFn as never });
    expect(seen).toHaveLength(1);
  });

  it('come from the demo’s own table on the embedded engine, read once when the engine opens', async () => {
    const { loadEmbeddedPrincipals, principals } = await import('@/lib/principals');
    const { SERVICE_PRINCIPALS } = await import('@/lib/demo/generate');
    expect(await loadEmbeddedPrincipals(demo.warehouse, demo.config)).toBe(SERVICE_PRINCIPALS.length);
    const ticketEnricher = SERVICE_PRINCIPALS.find((p) => p.name === 'ticket-enricher')!;
    expect(await principals([ticketEnricher.requester], { config: demo.config, warehouse: demo.warehouse })).toEqual([{ id: ticketEnricher.requester, name: 'ticket-enricher', kind: 'service_principal' }]);
  });

  it('fall back to the id when the SCIM API fails, and try again later', async () => {
    const { principals, clearPrincipals } = await import('@/lib/principals');
    clearPrincipals();
    const config = { ...demo.config, engine: 'databricks' as const, databricks: { host: 'adb-1.2.azuredatabricks.net', httpPath: '/sql/1.0/warehouses/abc', auth: { kind: 'pat' as const, token: 'x' }, userAuthorization: false, statementTimeoutSeconds: 60, retryBudgetMs: 1000 } } as unknown as typeof demo.config;
    const failing = async () => ({ ok: false, status: 403, json: async () => ({ error_code: 'PERMISSION_DENIED' }) });
    expect(await principals([SENDER], { config, warehouse: demo.warehouse, fetchFn: failing as never })).toEqual([{ id: SENDER, name: null, kind: 'service_principal' }]);
  });
});
