import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '@/queries';
import { COST_SPIKE_END_USER, PEOPLE, PID, PROJECT_OF } from '@/lib/demo/catalog';
import { openDemoFixture, type DemoFixture } from '@/lib/testing/demo-fixture';
import { sqlTimestamp } from './filters';
import { InvalidParams, parseQueryInput, runQuery } from './run';

let demo: DemoFixture;
beforeAll(async () => { demo = await openDemoFixture({ rows: 20_000, seed: 3 }); }, 120_000);
afterAll(async () => { await demo?.close(); });

const run = (id: string, qs: string) => {
  const def = CATALOGUE[id]!;
  return runQuery(def, parseQueryInput(def, new URLSearchParams(qs), demo.end, demo.config), { warehouse: demo.warehouse, config: demo.config });
};
const total = (rows: Record<string, unknown>[], col = 'requests') => rows.reduce((s, r) => s + Number(r[col] ?? 0), 0);
const ACME = encodeURIComponent(`end_user_to_charge=${COST_SPIKE_END_USER}`);
/** Queries that ignore the usage_context filter by design: freshness is about now, history about the whole endpoint, options list every choice. */
const UNFILTERED = new Set(['ops-freshness', 'ops-usage-freshness', 'compare-entity-history', 'filter-options', 'filter-context-values']);

describe('the usage_context filter', () => {
  it('keeps exactly the requests whose usage_context holds the value, counted independently', async () => {
    const filtered = await run('requests-over-time', `range=30d&split=none&usage_context=${ACME}`);
    const window = filtered.window!;
    // The same count written directly over the demo tables, usage first: a request endpoint_usage
    // counted is one request (logged or not), one it did not stands for 1 / sampling_fraction; the
    // key is read from endpoint_usage's map, else the body's copy.
    const payload = `(
        SELECT sampling_fraction, request, databricks_request_id, request_time FROM demo.inference.chat_assistant_payload
        UNION ALL SELECT sampling_fraction, request, databricks_request_id, request_time FROM demo.inference.support_agent_payload
        UNION ALL SELECT sampling_fraction, request, databricks_request_id, request_time FROM demo.inference.doc_embeddings_payload)`;
    const bounds = { ws: sqlTimestamp(new Date(window.start)), we: sqlTimestamp(new Date(window.end)), v: COST_SPIKE_END_USER };
    const logged = await demo.warehouse.run(`
      SELECT sum(CASE WHEN u.databricks_request_id IS NOT NULL THEN 1.0 ELSE 1.0 / coalesce(nullif(p.sampling_fraction, 0), 1.0) END) AS requests FROM ${payload} p
      LEFT JOIN demo.serving.endpoint_usage u ON u.databricks_request_id = p.databricks_request_id
      WHERE p.request_time >= CAST(:ws AS TIMESTAMP) AND p.request_time < CAST(:we AS TIMESTAMP)
        AND coalesce(u.usage_context['end_user_to_charge'], get_json_object(p.request, '$.usage_context.end_user_to_charge')) = :v`, bounds);
    const unlogged = await demo.warehouse.run(`
      SELECT count(*) AS requests FROM demo.serving.endpoint_usage u
      WHERE u.request_time >= CAST(:ws AS TIMESTAMP) AND u.request_time < CAST(:we AS TIMESTAMP)
        AND u.usage_context['end_user_to_charge'] = :v
        AND u.served_entity_id IN (SELECT served_entity_id FROM demo.serving.served_entities
          WHERE endpoint_name IN ('chat_assistant', 'support_agent', 'doc_embeddings'))
        AND u.databricks_request_id NOT IN (SELECT databricks_request_id FROM ${payload} x WHERE databricks_request_id IS NOT NULL)`, bounds);
    expect(Number(unlogged.rows[0]!.requests)).toBeGreaterThan(0);
    const expected = Number(logged.rows[0]!.requests) + Number(unlogged.rows[0]!.requests);
    expect(expected).toBeGreaterThan(10);
    expect(total(filtered.rows)).toBeCloseTo(expected, 6);
    expect(total(filtered.rows)).toBeLessThan(total((await run('requests-over-time', 'range=30d&split=none')).rows));
  });

  it('narrows with a second pair: the customer\'s requests by project add up to the customer\'s', async () => {
    const acme = total((await run('requests-over-time', `range=30d&split=none&usage_context=${ACME}`)).rows);
    const projects = (await run('finance-breakdown', `range=30d&usage_context=${ACME}&dimension=context&context_key=project&top_n=0`)).rows.map((r) => String(r.value));
    expect(projects).toContain(PROJECT_OF[COST_SPIKE_END_USER]);
    expect(projects).not.toContain('(not set)');
    let byProject = 0;
    for (const project of projects) {
      const one = total((await run('requests-over-time', `range=30d&split=none&usage_context=${ACME}&usage_context_2=${encodeURIComponent(`project=${project}`)}`)).rows);
      expect(one).toBeGreaterThan(0);
      expect(one).toBeLessThan(acme + 1e-9);
      byProject += one;
    }
    expect(byProject).toBeCloseTo(acme, 6);
    const crossed = await run('requests-over-time', `range=30d&split=none&usage_context=${ACME}&usage_context_2=${encodeURIComponent('project=helpdesk-bot')}`);
    expect(crossed.rows).toEqual([]);
    const anyValue = total((await run('requests-over-time', 'range=30d&split=none&usage_context=end_user_to_charge')).rows);
    expect(anyValue).toBeGreaterThan(acme);
    const hostile = await run('requests-over-time', `range=30d&split=none&usage_context=${encodeURIComponent("end_user_to_charge=x' OR '1'='1")}`);
    expect(hostile.rows).toEqual([]);
  });

  it('is applied by every query over requests, and left out of the statement when not set', async () => {
    const missing: string[] = [];
    for (const id of Object.keys(CATALOGUE)) {
      if (UNFILTERED.has(id)) continue;
      const r = await run(id, `range=7d&usage_context=${ACME}`);
      if (!r.sql.includes('usage_context_matches')) missing.push(id);
    }
    expect(missing).toEqual([]);
    expect((await run('ops-kpis', 'range=7d')).sql).not.toContain('usage_context_matches');
  });

  it('agrees between pages: spend per end user equals the spend of the filtered page', async () => {
    const breakdown = await run('finance-breakdown', 'range=30d&dimension=context&context_key=end_user_to_charge&top_n=0');
    const acmeRow = breakdown.rows.find((r) => r.value === COST_SPIKE_END_USER)!;
    const summary = await run('finance-summary', `range=30d&usage_context=${ACME}`);
    expect(total(summary.rows, 'cost')).toBeCloseTo(Number(acmeRow.cost), 6);
  });

  it('refuses a malformed pair with a reason naming the parameter', () => {
    const def = CATALOGUE['requests-over-time']!;
    for (const bad of ['end user=acme', '=acme', `k=${'x'.repeat(300)}`]) {
      try {
        parseQueryInput(def, new URLSearchParams({ range: '7d', usage_context: bad }), demo.end, demo.config);
        expect.unreachable();
      } catch (err) {
        expect((err as InvalidParams).problems.map((p) => p.path)).toEqual(['usage_context']);
      }
    }
  });
});

describe('calendar ranges', () => {
  it('resolve in the zone the query is given', async () => {
    const utc = await run('ops-kpis', 'range=yesterday');
    const tokyo = await run('ops-kpis', 'range=yesterday&tz=Asia/Tokyo');
    expect(utc.window!.start.slice(11, 16)).toBe('00:00');
    expect(tokyo.window!.start.slice(11, 16)).toBe('15:00');
    expect(Date.parse(tokyo.window!.end) - Date.parse(tokyo.window!.start)).toBe(86_400_000);
  });
});

describe('filter choices', () => {
  it('lists requesters busiest first, not narrowed by the requester chosen', async () => {
    const sender = PEOPLE[PID.storm]!.requester;
    const all = await run('requesters', 'range=30d');
    const chosen = await run('requesters', `range=30d&requester=${encodeURIComponent(sender)}`);
    expect(all.rows.map((r) => r.requester)).toContain(sender);
    expect(chosen.rows).toEqual(all.rows);
    const counts = all.rows.map((r) => Number(r.requests));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const embeddings = await run('requesters', 'range=30d&endpoint=doc_embeddings');
    expect(embeddings.rows.length).toBeLessThan(all.rows.length);
  });

  it('lists the values of a key with the requests a filter on each would keep', async () => {
    const values = await run('filter-context-values', `range=30d&context_key=end_user_to_charge&usage_context=${ACME}`);
    const acme = values.rows.find((r) => r.value === COST_SPIKE_END_USER)!;
    expect(values.rows.length).toBeGreaterThan(1);
    const filtered = total((await run('requests-over-time', `range=30d&split=none&usage_context=${ACME}`)).rows);
    expect(Number(acme.requests)).toBeCloseTo(filtered, 6);
  });
});
