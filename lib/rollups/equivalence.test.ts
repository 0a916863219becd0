import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '@/queries';
import { loadSql } from '@/lib/catalogue/render';
import { parseQueryInput, runQuery } from '@/lib/catalogue/run';
import { openDemoFixture, type DemoFixture } from '@/lib/testing/demo-fixture';
import type { Row } from '@/lib/warehouse/types';
import { ENTITIES, PEOPLE, PID } from '@/lib/demo/catalog';
import { prepareEmbeddedRollups } from './prepare';
import { clearRollupState, setRollupState, type RollupState } from './state';

let demo: DemoFixture;
let built: RollupState;

beforeAll(async () => {
  demo = await openDemoFixture({ rows: 30_000, seed: 5 });
  demo.config.duckdb.rollupPath = path.join(demo.dir, 'demo.rollups.duckdb');
  const instance = await demo.instance;
  const state = await prepareEmbeddedRollups(instance, demo.warehouse, demo.config);
  if (!state) throw new Error('rollups did not build');
  built = state;
}, 120_000);
afterAll(async () => {
  clearRollupState();
  await demo?.close();
});

/** Queries whose SQL reads the request facts (directly or through the token relations). */
const FACT_QUERIES = Object.keys(CATALOGUE).filter((id) => /\{\{\s*(requests|request_tokens|priced_requests)\s*\}\}/.test(loadSql(id)));

/** The demo's gpt-4o entity on chat_assistant: its real served_entity_id (a hash, as Databricks writes it). */
const GPT = ENTITIES.gpt.id;
const FILTERS = ['range=30d', 'range=24h', 'range=7d&endpoint=chat_assistant', 'range=7d&status=error', `range=7d&status=ok&served_entity=${GPT}`];
/**
 * Shared filters a query cannot answer by design, each with the case that replaces it: latency and
 * token trends count successful requests only; logging codes are rare enough to need a month.
 */
const REPLACED: Record<string, Record<string, string>> = {
  'ops-latency-histogram': { 'range=7d&status=error': 'range=7d&status=ok&endpoint=support_agent' },
  'ops-latency-over-time': { 'range=7d&status=error': 'range=7d&status=ok&endpoint=support_agent' },
  'compare-latency-histogram': { 'range=7d&status=error': 'range=7d&status=ok&endpoint=support_agent' },
  'finance-token-trends': { 'range=7d&status=error': 'range=7d&status=ok&endpoint=support_agent' },
  'ops-logging-codes': { 'range=24h': 'range=30d&endpoint=chat_assistant', 'range=7d&status=error': 'range=30d&status=ok' },
};
const filtersFor = (id: string) => FILTERS.map((qs) => REPLACED[id]?.[qs] ?? qs);
/** The service principal behind the demo's 429 storm: it has errors in every 7-day window. */
const STORM_SENDER = encodeURIComponent(PEOPLE[PID.storm]!.requester);
/** A window that starts and ends inside an hour, so both edges come from the requests. */
const oddWindow = () => {
  const to = new Date(demo.end.getTime() - 7 * 60_000);
  const from = new Date(to.getTime() - 50 * 3_600_000 - 23 * 60_000);
  return `from=${from.toISOString()}&to=${to.toISOString()}`;
};
const OWN: Record<string, string[]> = {
  'requests-over-time': ['range=7d&split=served_entity', 'range=7d&split=status&tz=Asia/Kolkata', 'range=6h&split=endpoint'],
  'ops-errors-over-time': ['range=7d&tz=Europe/Paris', 'range=30d&tz=America/New_York', 'range=7d&tz=Asia/Kolkata', `range=7d&requester=${STORM_SENDER}`],
  'ops-logging-nulls': ['range=30d&tz=Europe/Paris'],
  'inspector-requests': ['range=7d&q=refund', 'range=7d&sort=duration_desc', 'range=30d&has_tools=yes', 'range=7d&min_duration_ms=2000&usage_key=project'],
  'ops-errors-breakdown': ['range=30d&by=usage_context&context_key=project', 'range=30d&by=input_size'],
  'compare-entities': ['range=30d&group_by=context&context_key=a_b_test_group'],
  'compare-share-over-time': ['range=7d&group_by=context&context_key=a_b_test_group'],
  'finance-breakdown': ['range=30d&dimension=context&context_key=project', 'range=30d&dimension=requester'],
};

async function rowsWith(id: string, qs: string, state: RollupState | null): Promise<{ rows: Row[]; sql: string }> {
  if (state) setRollupState(state);
  else clearRollupState();
  const def = CATALOGUE[id]!;
  const r = await runQuery(def, parseQueryInput(def, new URLSearchParams(qs), demo.end, demo.config), { warehouse: demo.warehouse, config: demo.config });
  return { rows: r.rows, sql: r.sql };
}

/** Rows in a canonical order: ORDER BY ties may come back either way on different plans. */
const canonical = (rows: Row[]) => [...rows].sort((a, b) => {
  const key = (r: Row) => JSON.stringify(Object.values(r).map((v) => (typeof v === 'number' ? Number(v.toPrecision(9)) : v)));
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
});

/**
 * Comparing two empty answers proves nothing: every case must return rows, and some figure in them
 * must be non-zero (an aggregate over nothing is one row of zeros).
 */
function expectInformative(rows: Row[], what: string) {
  expect(rows.length, `${what}: no rows`).toBeGreaterThan(0);
  expect(rows.some((r) => Object.values(r).some((v) => typeof v === 'number' && v !== 0)), `${what}: only zeros`).toBe(true);
}

/** The same rows; sums of doubles may differ in the last bits with the order of addition. */
function expectSameRows(actualRows: Row[], expectedRows: Row[]) {
  const actual = canonical(actualRows);
  const expected = canonical(expectedRows);
  expect(actual.length).toBe(expected.length);
  actual.forEach((row, i) => {
    const want = expected[i]!;
    expect(Object.keys(row)).toEqual(Object.keys(want));
    for (const [k, v] of Object.entries(row)) {
      const w = want[k];
      if (typeof v === 'number' && typeof w === 'number') expect(v).toBeCloseTo(w, Math.max(0, 9 - Math.ceil(Math.log10(Math.abs(w) + 1))));
      else expect(v).toEqual(w);
    }
  });
}

describe('request facts: the built table, the raw tables and a mix of both give the same figures', () => {
  it('answers from the raw tables when the rollup tables cannot be read', async () => {
    const raw = await rowsWith('ops-kpis', 'range=7d', null);
    const missing = await rowsWith('ops-kpis', 'range=7d', { ...built, facts: { ...built.facts, table: `${built.catalog}.no_such_facts` } });
    expect(missing.sql).not.toContain('no_such_facts');
    expectSameRows(missing.rows, raw.rows);
  });

  it('filters on a served entity id the demo really has', async () => {
    const { rows } = await demo.warehouse.run(`SELECT count(*) AS n FROM demo.inference.chat_assistant_payload WHERE served_entity_id = :id`, { id: GPT });
    expect(Number(rows[0]!.n)).toBeGreaterThan(1_000);
  });

  it('built facts for every request of the demo', async () => {
    const { rows } = await demo.warehouse.run(`SELECT count(*) AS n FROM (SELECT databricks_request_id FROM demo.inference.chat_assistant_payload UNION ALL SELECT databricks_request_id FROM demo.inference.support_agent_payload UNION ALL SELECT databricks_request_id FROM demo.inference.doc_embeddings_payload) x`, {});
    expect(built.factRows).toBe(Number(rows[0]!.n));
    expect(built.factRows).toBeGreaterThan(20_000);
    expect(FACT_QUERIES.length).toBeGreaterThanOrEqual(15);
  });

  const cases = FACT_QUERIES.flatMap((id) => [...filtersFor(id), 'odd', ...(OWN[id] ?? [])].map((qs) => [id, qs] as const));
  it.each(cases)('%s ?%s', async (id, given) => {
    const qs = given === 'odd' ? oddWindow() : given;
    const raw = await rowsWith(id, qs, null);
    const facts = await rowsWith(id, qs, built);
    // Facts up to the middle of the window, raw rows after it.
    const middle = new Date(demo.end.getTime() - 3 * 3_600_000);
    const hybrid = await rowsWith(id, qs, { ...built, facts: { ...built.facts, coversEnd: middle } });
    expect(raw.sql).not.toContain(built.facts.table);
    expect(facts.sql).toContain(built.facts.table);
    expect(facts.sql).not.toMatch(/_payload\b/);
    expect(hybrid.sql).toContain(built.facts.table);
    expect(hybrid.sql).toMatch(/_payload\b/);
    expectInformative(raw.rows, `${id} ?${qs}`);
    expectSameRows(facts.rows, raw.rows);
    expectSameRows(hybrid.rows, raw.rows);
  });
});

/** Queries with a variant over the hourly rollup tables (queries/<id>.rollup.sql). */
const ROLLUP_QUERIES = Object.keys(CATALOGUE).filter((id) => CATALOGUE[id]!.rollup);

describe('hourly rollups: the variant over the rollup tables returns the rows of the raw query', () => {
  const cases = ROLLUP_QUERIES.flatMap((id) => [...filtersFor(id), 'odd', ...(OWN[id] ?? [])].map((qs) => [id, qs] as const));
  it.each(cases)('%s ?%s', async (id, given) => {
    const qs = given === 'odd' ? oddWindow() : given;
    const raw = await rowsWith(id, qs, null);
    const rolled = await rowsWith(id, qs, built);
    const def = CATALOGUE[id]!;
    const params = def.bind(parseQueryInput(def, new URLSearchParams(qs), demo.end, demo.config).input as never, { window: parseQueryInput(def, new URLSearchParams(qs), demo.end, demo.config).window });
    const applies = def.rollup!(params) && !/requester=/.test(qs);
    // The variant reads the rollup tables exactly when it applies; otherwise the raw query runs.
    expect(/gateway_lens_\w*(hourly|minutely)|SELECT f\.\*, CAST\(NULL AS STRING\) AS request/.test(rolled.sql)).toBe(applies);
    expectInformative(raw.rows, `${id} ?${qs}`);
    expectSameRows(rolled.rows, raw.rows);
    // And with rollups covering only part of the window, the rest from the requests.
    const middle = new Date(demo.end.getTime() - 26 * 3_600_000 - 11 * 60_000);
    const partial = await rowsWith(id, qs, { ...built, facts: { ...built.facts, coversEnd: middle } });
    expectSameRows(partial.rows, raw.rows);
  });

  it('the variants answer most of a long window from the rollup tables', async () => {
    const { rows } = await demo.warehouse.run(`SELECT sum(sampled_rows) AS n FROM ${built.catalog}.gateway_lens_hourly`, {});
    expect(Number(rows[0]!.n)).toBe(built.factRows);
    const latency = await demo.warehouse.run(`SELECT count(*) AS bins, sum(sampled_rows) AS n FROM ${built.catalog}.gateway_lens_latency_hourly`, {});
    expect(Number(latency.rows[0]!.bins)).toBeLessThan(Number(latency.rows[0]!.n));
  });
});
