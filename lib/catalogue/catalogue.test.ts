import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '@/queries';
import { openDemoFixture, type DemoFixture } from '@/lib/testing/demo-fixture';
import { ENTITIES, PEOPLE } from '@/lib/demo/catalog';
import { parseQueryInput, runQuery, InvalidParams } from './run';

let demo: DemoFixture;
beforeAll(async () => { demo = await openDemoFixture(); });
afterAll(async () => { await demo?.close(); });

const run = (id: string, qs: string) => {
  const def = CATALOGUE[id]!;
  return runQuery(def, parseQueryInput(def, new URLSearchParams(qs), demo.end, demo.config), { warehouse: demo.warehouse, config: demo.config });
};

describe('every catalogue query runs on the demo data and returns rows that pass its schema', () => {
  it.each(Object.keys(CATALOGUE))('%s', async (id) => {
    const result = await run(id, 'range=30d');
    expect(result.rows.length).toBeGreaterThan(0);
    expect(result.engine).toBe('duckdb');
  });
});

describe('requests-over-time', () => {
  it.each(['none', 'endpoint', 'served_entity', 'status'])('splits by %s with the same total', async (split) => {
    const base = await run('requests-over-time', 'range=7d&split=none');
    const total = base.rows.reduce((s, r) => s + (r.requests as number), 0);
    expect(total).toBeGreaterThan(0);
    const splitRows = await run('requests-over-time', `range=7d&split=${split}`);
    expect(splitRows.rows.reduce((s, r) => s + (r.requests as number), 0)).toBeCloseTo(total, 6);
  });

  it('counts a sampled endpoint from endpoint_usage where it has the request, 1 / sampling_fraction per logged row where not', async () => {
    const r = await run('requests-over-time', 'range=30d&endpoint=doc_embeddings&split=none');
    const requests = r.rows.reduce((s, x) => s + (x.requests as number), 0);
    const sampled = r.rows.reduce((s, x) => s + (x.sampled_rows as number), 0);
    // The same figure straight from the tables: endpoint_usage rows of the endpoint in the window,
    // plus 1 / sampling_fraction for each logged row endpoint_usage does not have.
    const win = { start: String(r.params.start_time), end: String(r.params.end_time) };
    const { rows } = await demo.warehouse.run(`SELECT
        (SELECT count(*) FROM demo.serving.endpoint_usage u
          WHERE u.served_entity_id IN (SELECT served_entity_id FROM demo.serving.served_entities WHERE endpoint_name = 'doc_embeddings')
            AND u.request_time >= CAST(:s AS TIMESTAMP) AND u.request_time < CAST(:e AS TIMESTAMP)) AS usage_requests,
        (SELECT sum(1.0 / p.sampling_fraction) FROM demo.inference.doc_embeddings_payload p
          WHERE p.request_time >= CAST(:s AS TIMESTAMP) AND p.request_time < CAST(:e AS TIMESTAMP)
            AND p.databricks_request_id NOT IN (SELECT databricks_request_id FROM demo.serving.endpoint_usage)) AS unmatched,
        (SELECT count(*) FROM demo.inference.doc_embeddings_payload p
          WHERE p.request_time >= CAST(:s AS TIMESTAMP) AND p.request_time < CAST(:e AS TIMESTAMP)) AS logged`, { s: win.start, e: win.end });
    const oracle = rows[0]!;
    expect(Number(oracle.usage_requests)).toBeGreaterThan(4 * sampled);
    expect(sampled).toBe(Number(oracle.logged));
    expect(requests).toBeCloseTo(Number(oracle.usage_requests) + Number(oracle.unmatched ?? 0), 6);
  });

  it('picks the bucket from the range and honours an explicit one', async () => {
    expect((await run('requests-over-time', 'range=6h')).params.bucket).toBe('minute');
    expect((await run('requests-over-time', 'range=7d')).params.bucket).toBe('hour');
    expect((await run('requests-over-time', 'range=30d')).params.bucket).toBe('day');
    expect((await run('requests-over-time', 'range=7d&bucket=day')).params.bucket).toBe('day');
  });

  it('filters by endpoint, served entity and status without mixing them up', async () => {
    const chat = await run('requests-over-time', 'range=30d&endpoint=chat_assistant&split=endpoint');
    expect(new Set(chat.rows.map((r) => r.series))).toEqual(new Set(['chat_assistant']));
    // Only the chosen endpoint's table is read.
    expect(chat.sql).toContain('chat_assistant_payload');
    expect(chat.sql).not.toContain('doc_embeddings_payload');
    const errors = await run('requests-over-time', 'range=30d&status=5xx&split=status');
    expect(new Set(errors.rows.map((r) => r.series))).toEqual(new Set(['5xx']));
    const options = await run('filter-options', 'range=30d&endpoint=chat_assistant');
    const entity = ENTITIES.gpt.id;
    expect(options.rows.map((r) => r.served_entity_id)).toContain(entity);
    const one = await run('requests-over-time', `range=30d&served_entity=${encodeURIComponent(entity)}&split=served_entity`);
    expect(new Set(one.rows.map((r) => r.series)).size).toBe(1);
  });

  it('treats a hostile filter value as a literal that matches nothing', async () => {
    const r = await run('requests-over-time', `range=30d&requester=${encodeURIComponent("x' OR '1'='1")}`);
    expect(r.rows).toEqual([]);
    // A real requester through the same filter has rows: the hostile value matched nothing as a literal.
    expect((await run('requests-over-time', `range=30d&requester=${encodeURIComponent(PEOPLE[0]!.requester)}`)).rows.length).toBeGreaterThan(0);
  });
});

describe('parseQueryInput', () => {
  it('lists every problem: unknown, repeated and malformed parameters', () => {
    const def = CATALOGUE['requests-over-time']!;
    try {
      parseQueryInput(def, new URLSearchParams('range=7d&range=1h&split=diagonal&nope=1&status=teapot'), demo.end, demo.config);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(InvalidParams);
      expect((err as InvalidParams).problems.map((p) => p.path).sort()).toEqual(['nope', 'range', 'split', 'status']);
    }
  });
});
