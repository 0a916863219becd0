import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filterParams } from '@/lib/catalogue/filters';
import { rawContext, renderSql } from '@/lib/catalogue/render';
import { duckdbCreateTable, ENDPOINT_USAGE_COLUMNS, SERVED_ENTITIES_COLUMNS, PAYLOAD_COLUMNS } from '@/lib/table-schemas';
import { COMPAT_MACROS } from '@/lib/warehouse/compat';
import { createDuckdbWarehouse } from '@/lib/warehouse/duckdb';
import type { Warehouse } from '@/lib/warehouse/types';
import { taxonomyNarrowing, type ErrorCategory } from './error-categories';
import { seriesNarrowing } from '@/lib/client/drill';

// Response bodies as the AI Gateway writes them (formats doc) and as the demo generator plants them.
const guardrail = (side: 'input' | 'output', verdict: Record<string, unknown>) =>
  JSON.stringify({ error_code: 'BAD_REQUEST', message: JSON.stringify({ [`${side}_guardrail`]: [{ flagged: true, ...verdict }], finishReason: `${side}_guardrail_triggered` }) });
const provider = (name: string, error: unknown, code: string) => JSON.stringify({ error_code: code, message: JSON.stringify({ external_model_provider: name, external_model_error: error }) });
// An agent that answered although an LLM span of its trace failed (fixtures/payloads/responses-agent/trace-failed-llm-span.json).
const tracedAnswer = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'fixtures/payloads/responses-agent/trace-failed-llm-span.json'), 'utf8')).response as string;

const BODIES: { id: string; status: number; response: string | null; category: string; detail: string; message: string }[] = [
  { id: 'pii', status: 400, response: guardrail('input', { pii_detection: true, anonymized_input: ['card <CREDIT_CARD>'] }), category: 'input_guardrail', detail: 'personal data (PII)', message: 'Input guardrail: personal data (PII)' },
  { id: 'kw', status: 400, response: guardrail('input', { invalid_keywords: true }), category: 'input_guardrail', detail: 'invalid keywords', message: 'Input guardrail: invalid keywords' },
  { id: 'safety-in', status: 400, response: guardrail('input', { categories: { violent_crimes: true } }), category: 'input_guardrail', detail: 'safety: violent_crimes', message: 'Input guardrail: safety: violent_crimes' },
  { id: 'safety-out', status: 400, response: guardrail('output', { categories: { hate: true } }), category: 'output_guardrail', detail: 'safety: hate', message: 'Output guardrail: safety: hate' },
  // A privacy block: every category is listed with its verdict, and the true one is not the first (a real PII block has flagged: false).
  { id: 'privacy', status: 400, response: guardrail('input', { flagged: false, categories: { 'violent-crimes': false, privacy: true } }), category: 'input_guardrail', detail: 'safety: privacy', message: 'Input guardrail: safety: privacy' },
  { id: 'html', status: 502, response: '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>', category: 'server_5xx', detail: 'HTML error page', message: '<n> Bad Gateway' },
  { id: 'nested', status: 400, response: provider('amazon-bedrock', JSON.stringify({ message: 'Input is too long.' }), 'BAD_REQUEST'), category: 'provider_error', detail: 'provider: amazon-bedrock', message: 'amazon-bedrock: Input is too long.' },
  { id: 'trace', status: 200, response: tracedAnswer, category: 'trace_error', detail: 'failed span in the agent trace', message: 'A span of the agent trace failed (the request was answered)' },
  { id: 'rate', status: 429, response: JSON.stringify({ error_code: 'REQUEST_LIMIT_EXCEEDED', message: 'Exceeded rate limit: 600 requests per minute for this service principal for endpoint chat. Retry after a short wait.' }), category: 'rate_limited', detail: 'REQUEST_LIMIT_EXCEEDED', message: 'Exceeded rate limit: <n> requests per minute for this service principal for endpoint chat. Retry after a short wait.' },
  { id: 'rate-null', status: 429, response: null, category: 'rate_limited', detail: 'no response body logged', message: '(no response body logged)' },
  { id: 'openai', status: 502, response: provider('openai', { error: { message: 'The upstream server returned an error while processing your request.', type: 'server_error', param: null, code: null } }, 'BAD_GATEWAY'), category: 'provider_error', detail: 'provider: openai', message: 'openai: The upstream server returned an error while processing your request.' },
  { id: 'anthropic', status: 503, response: provider('anthropic', { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }, 'TEMPORARILY_UNAVAILABLE'), category: 'provider_error', detail: 'provider: anthropic', message: 'anthropic: Overloaded' },
  { id: 'plain', status: 502, response: 'upstream connect error or disconnect/reset before headers. reset reason: connection termination', category: 'server_5xx', detail: 'response is not JSON', message: 'upstream connect error or disconnect/reset before headers. reset reason: connection termination' },
  { id: 'truncated', status: 500, response: '{"error_code":"INTERNAL_ERROR","message":"Model server raised', category: 'server_5xx', detail: 'response is not JSON', message: '{"error_code":"INTERNAL_ERROR","message":"Model server raised' },
  { id: 'null-500', status: 500, response: null, category: 'server_5xx', detail: 'no response body logged', message: '(no response body logged)' },
  { id: 'agent', status: 500, response: JSON.stringify({ error_code: 'INTERNAL_ERROR', message: 'Model server raised an exception: TimeoutError: the order service did not answer within 30 s (request 7adec209-46ae-4a4c-a228-e542a4ff8384)' }), category: 'server_5xx', detail: 'INTERNAL_ERROR', message: 'Model server raised an exception: TimeoutError: the order service did not answer within <n> s (request <id>)' },
  { id: 'too-long', status: 400, response: JSON.stringify({ error_code: 'BAD_REQUEST', message: 'Input length exceeds the context window of the served model.' }), category: 'client_4xx', detail: 'BAD_REQUEST', message: 'Input length exceeds the context window of the served model.' },
  { id: 'plain-message', status: 400, response: JSON.stringify({ error_code: 'BAD_REQUEST', message: 'blocked' }), category: 'client_4xx', detail: 'BAD_REQUEST', message: 'blocked' },
  { id: 'auth', status: 403, response: JSON.stringify({ message: 'no error_code here' }), category: 'client_4xx', detail: 'no error_code', message: 'no error_code here' },
];

const T0 = new Date('2026-11-20T10:00:00Z');
const window = { start: new Date(T0.getTime() - 3_600_000), end: new Date(T0.getTime() + 3_600_000) };
const TABLE = 'memory.main.t_payload';
const tables = { payload: [{ endpoint: 't', table: TABLE }], endpointUsage: 'memory.main.u', servedEntities: 'memory.main.se' };
const sqlOf = (id: string) => renderSql(fs.readFileSync(path.join(process.cwd(), 'queries', `${id}.sql`), 'utf8'), rawContext(tables));
const params = { ...filterParams({}, window), bucket: 'hour', tz: 'UTC' };

let wh: Warehouse;
beforeAll(async () => {
  const instance = await DuckDBInstance.create(':memory:');
  const c = await instance.connect();
  await c.run(`SET GLOBAL TimeZone = 'UTC'`);
  for (const m of COMPAT_MACROS) await c.run(m);
  await c.run(`CREATE TABLE ${TABLE} (${PAYLOAD_COLUMNS.map((col) => `${col.name} ${col.duckdb}`).join(', ')})`);
  // ops-errors-over-time reads the request facts, which join endpoint_usage (empty here) and
  // name the endpoint of requests only endpoint_usage counted from served_entities.
  await c.run(duckdbCreateTable('memory.main.u', ENDPOINT_USAGE_COLUMNS));
  await c.run(duckdbCreateTable('memory.main.se', SERVED_ENTITIES_COLUMNS));
  const insert = `INSERT INTO ${TABLE} (request_date, databricks_request_id, request_time, status_code, sampling_fraction, execution_duration_ms, request, response, logging_error_codes)
    VALUES (DATE '2026-11-20', $id, TIMESTAMP '2026-11-20 10:00:00', $status, 1.0, 10, '{}', $response, [])`;
  for (const b of [...BODIES, { id: 'ok', status: 200, response: '{"object":"chat.completion"}' }]) await c.run(insert, { id: b.id, status: b.status, response: b.response });
  c.closeSync();
  wh = createDuckdbWarehouse(Promise.resolve(instance));
});
afterAll(() => wh?.close());

describe('error taxonomy read from response bodies (the one interpretation in SQL, on DuckDB)', () => {
  it('puts every body in its category with the right detail', async () => {
    const { rows } = await wh.run(sqlOf('ops-error-taxonomy'), params);
    const got = Object.fromEntries(rows.map((r) => [`${r.status_code}/${r.category}/${r.detail}`, r.requests]));
    const want: Record<string, number> = {};
    for (const b of BODIES) want[`${b.status}/${b.category}/${b.detail}`] = (want[`${b.status}/${b.category}/${b.detail}`] ?? 0) + 1;
    expect(got).toEqual(want);
  });

  it('uses the same categories over time, with ok rows for the error rate and answers with a failed span apart', async () => {
    const { rows } = await wh.run(sqlOf('ops-errors-over-time'), params);
    const got = Object.fromEntries(rows.map((r) => [r.category, r.requests]));
    const want: Record<string, number> = { ok: 1 };
    for (const b of BODIES) want[b.category] = (want[b.category] ?? 0) + 1;
    expect(got).toEqual(want);
  });

  it('folds ids and numbers in error messages and keeps non-JSON bodies as text', async () => {
    const { rows } = await wh.run(sqlOf('ops-error-messages'), params);
    const got = new Set(rows.map((r) => `${r.category}|${r.message_pattern}`));
    for (const b of BODIES) expect(got).toContain(`${b.category}|${b.message}`);
  });
});

describe('a taxonomy row leads to its requests', () => {
  it('by status class and a word its bodies carry that no other category of that class carries', () => {
    const classOf = (b: (typeof BODIES)[number]) => seriesNarrowing('error_category', b.category)!.status;
    for (const b of BODIES) {
      const n = taxonomyNarrowing({ category: b.category as ErrorCategory, detail: b.detail });
      expect(n.status, b.id).toBe(classOf(b));
      if (!n.q) continue;
      // The inspector's search is a case-insensitive substring of the bodies.
      expect(b.response?.toLowerCase(), b.id).toContain(n.q.toLowerCase());
      const caught = BODIES.filter((o) => classOf(o) === n.status && o.response?.toLowerCase().includes(n.q!.toLowerCase()));
      expect(new Set(caught.map((o) => o.category)), b.id).toEqual(new Set([b.category]));
    }
    expect(taxonomyNarrowing({ category: 'provider_error', detail: 'provider: openai' })).toEqual({ status: '5xx', q: 'openai' });
    expect(taxonomyNarrowing({ category: 'client_4xx', detail: 'BAD_REQUEST' })).toEqual({ status: '4xx' });
  });
});
