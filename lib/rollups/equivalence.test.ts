import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '@/queries';
import { hasSql, loadSql, rawContext, renderStatement } from '@/lib/catalogue/render';
import { parseQueryInput, runQuery } from '@/lib/catalogue/run';
import type { QueryPlan } from '@/lib/catalogue/plan';
import { openDemoFixture, type DemoFixture } from '@/lib/testing/demo-fixture';
import { expectInformative, expectSameRows } from '@/lib/testing/same-rows';
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

/** Queries whose statement reads the request facts or texts (directly or through the token relations). */
const FACT_QUERIES = Object.keys(CATALOGUE).filter((id) => renderStatement(loadSql(id), rawContext({ payload: [], endpointUsage: 'a.b.c', servedEntities: 'a.b.d' })).relations.some((r) => r.name === 'requests' || r.name === 'request_text'));
/**
 * Queries that read bodies whatever the facts cover, each only for the rows it shows: the list for
 * its page, side-by-side for its answers (one request per question and entity), the thread for its
 * turns.
 */
const READS_BODIES = new Set(['inspector-requests', 'compare-side-by-side', 'inspector-thread']);

/** The demo's gpt-4o entity on chat_assistant: its real served_entity_id (a hash, as Databricks writes it). */
const GPT = ENTITIES.gpt.id;
const FILTERS = ['range=30d', 'range=24h', 'range=7d&endpoint=chat_assistant', 'range=7d&status=error', `range=7d&status=ok&served_entity=${GPT}`];
/**
 * Shared filters a query cannot answer by design, each with the case that replaces it: latency,
 * token trends and side-by-side count successful requests only; logging codes are rare enough to need a month.
 */
const REPLACED: Record<string, Record<string, string>> = {
  'ops-latency-histogram': { 'range=7d&status=error': 'range=7d&status=ok&endpoint=support_agent' },
  'ops-latency-over-time': { 'range=7d&status=error': 'range=7d&status=ok&endpoint=support_agent' },
  'compare-latency-histogram': { 'range=7d&status=error': 'range=7d&status=ok&endpoint=support_agent' },
  'finance-token-trends': { 'range=7d&status=error': 'range=7d&status=ok&endpoint=support_agent' },
  // Side-by-side shows successful answers only.
  'compare-side-by-side': { 'range=7d&status=error': 'range=30d&status=ok&endpoint=chat_assistant' },
  'ops-logging-codes': { 'range=24h': 'range=30d&endpoint=chat_assistant', 'range=7d&status=error': 'range=30d&status=ok' },
  // Answered requests reach the error views only by a failed trace span (the demo's support_agent traces).
  'ops-error-messages': { [`range=7d&status=ok&served_entity=${GPT}`]: 'range=7d&status=ok&endpoint=support_agent' },
  'ops-error-taxonomy': { [`range=7d&status=ok&served_entity=${GPT}`]: 'range=7d&status=ok&endpoint=support_agent' },
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
/** A usage_context filter (the demo's cost-spike customer): request facts answer it, the rollup tables cannot. */
const ACME = 'usage_context=end_user_to_charge%3Dacme-analytics';
const OWN: Record<string, string[]> = {
  'requests-over-time': ['range=7d&split=served_entity', 'range=7d&split=status&tz=Asia/Kolkata', 'range=6h&split=endpoint', `range=7d&split=served_entity&${ACME}`],
  'ops-kpis': [`range=7d&${ACME}`],
  'ops-errors-over-time': ['range=7d&tz=Europe/Paris', 'range=30d&tz=America/New_York', 'range=7d&tz=Asia/Kolkata', `range=7d&requester=${STORM_SENDER}`],
  'ops-logging-nulls': ['range=30d&tz=Europe/Paris'],
  'inspector-requests': [`range=7d&sort=duration_desc&${ACME}`, 'range=7d&q=refund', 'range=7d&sort=duration_desc', 'range=30d&has_tools=yes', 'range=30d&trace_failed=yes', 'range=7d&min_duration_ms=2000&usage_key=project', 'range=7d&sort=tokens_desc', 'range=7d&sort=cost_desc&q=refund', 'range=7d&sort=cost_desc&endpoint=support_agent', `range=7d&x1=${encodeURIComponent('request:$.messages[-1].content')}&x2=${encodeURIComponent('response:$.model')}&x3=${encodeURIComponent('response:$.usage.total_tokens')}`],
  'inspector-match-count': ['range=7d&q=refund', 'range=30d&has_tools=yes'],
  'inspector-conversations': ['range=7d&sort=cost', 'range=7d&sort=tokens&endpoint=support_agent'],
  'inspector-top-questions': ['range=30d&min_count=1', 'range=7d&endpoint=support_agent&min_count=1'],
  // A common word and a phrase of the planted keyword block, over the request text table and raw.
  'ops-topic-watch': ['range=7d&keywords=refund,invoice', 'range=30d&keywords=refund&bucket=day'],
  'ops-topic-matches': ['range=7d&keywords=refund,invoice'],
  'ops-errors-breakdown': ['range=30d&by=usage_context&context_key=project', 'range=30d&by=input_size'],
  'compare-entities': ['range=30d&group_by=context&context_key=a_b_test_group'],
  'compare-share-over-time': ['range=7d&group_by=context&context_key=a_b_test_group'],
  'finance-breakdown': ['range=30d&dimension=context&context_key=project', 'range=30d&dimension=requester', `range=30d&requester=${STORM_SENDER}`],
  'finance-summary': [`range=7d&requester=${STORM_SENDER}&dimension=context&context_key=end_user_to_charge`, `range=30d&${ACME}&dimension=context&context_key=project`],
  'compare-latency-histogram': ['range=30d&group_by=context&context_key=a_b_test_group'],
  // The token histograms per usage_context key ("(not set)" by subtraction), per priced model, every requester.
  'finance-token-trends': ['range=30d&dimension=context&context_key=project&top_n=3', 'range=30d&dimension=model', 'range=7d&dimension=requester&top_n=0', `range=7d&${ACME}`],
};

type Ran = { rows: Row[]; sql: string; plan: QueryPlan };
async function rowsWith(id: string, qs: string, state: RollupState | null): Promise<Ran> {
  if (state) setRollupState(state);
  else clearRollupState();
  const def = CATALOGUE[id]!;
  const r = await runQuery(def, parseQueryInput(def, new URLSearchParams(qs), demo.end, demo.config), { warehouse: demo.warehouse, config: demo.config });
  return { rows: r.rows, sql: r.sql, plan: r.plan };
}

/**
 * The raw tables' answer to a case, run once however many cases compare with it (both describes
 * below compare most queries with the same raw run; the demo is read-only, so it cannot change).
 */
const rawRuns = new Map<string, Ran>();
async function rawRows(id: string, qs: string): Promise<Ran> {
  const key = `${id} ?${qs}`;
  const known = rawRuns.get(key);
  if (known) return known;
  const ran = await rowsWith(id, qs, null);
  rawRuns.set(key, ran);
  return ran;
}

describe('request facts: the built table, the raw tables and a mix of both give the same figures', () => {
  it('answers from the raw tables when the rollup tables cannot be read', async () => {
    const raw = await rawRows('ops-kpis', 'range=7d');
    const missing = await rowsWith('ops-kpis', 'range=7d', { ...built, facts: { ...built.facts, table: `${built.catalog}.no_such_facts` } });
    expect(missing.sql).not.toContain('no_such_facts');
    expectSameRows(missing.rows, raw.rows);
  });

  it('filters on a served entity id the demo really has', async () => {
    const { rows } = await demo.warehouse.run(`SELECT count(*) AS n FROM demo.inference.chat_assistant_payload WHERE served_entity_id = :id`, { id: GPT });
    expect(Number(rows[0]!.n)).toBeGreaterThan(1_000);
  });

  it('built facts for every request of the demo: each logged one, and each only endpoint_usage counted', async () => {
    const { rows } = await demo.warehouse.run(`WITH logged AS (
        SELECT databricks_request_id FROM demo.inference.chat_assistant_payload UNION ALL SELECT databricks_request_id FROM demo.inference.support_agent_payload UNION ALL SELECT databricks_request_id FROM demo.inference.doc_embeddings_payload)
      SELECT (SELECT count(*) FROM logged) AS logged,
        (SELECT count(*) FROM demo.serving.endpoint_usage u
          WHERE u.served_entity_id IN (SELECT served_entity_id FROM demo.serving.served_entities WHERE endpoint_name IN ('chat_assistant', 'support_agent', 'doc_embeddings'))
            AND u.databricks_request_id NOT IN (SELECT databricks_request_id FROM logged)) AS unlogged`, {});
    expect(Number(rows[0]!.unlogged)).toBeGreaterThan(1_000);
    expect(built.factRows).toBe(Number(rows[0]!.logged) + Number(rows[0]!.unlogged));
    expect(built.factRows).toBeGreaterThan(20_000);
    expect(FACT_QUERIES.length).toBeGreaterThanOrEqual(15);
    const traced = await demo.warehouse.run(`SELECT count_if(trace_error) AS failed, count_if(trace_error AND status_code = 200) AS answered FROM ${built.facts.table}`, {});
    expect(Number(traced.rows[0]!.failed)).toBeGreaterThan(20);
    expect(Number(traced.rows[0]!.answered)).toBe(Number(traced.rows[0]!.failed));
  });

  const cases = FACT_QUERIES.flatMap((id) => [...filtersFor(id), 'odd', ...(OWN[id] ?? [])].map((qs) => [id, qs] as const));
  it.each(cases)('%s ?%s', async (id, given) => {
    const qs = given === 'odd' ? oddWindow() : given;
    const raw = await rawRows(id, qs);
    const facts = await rowsWith(id, qs, built);
    // Facts up to the middle of the window, raw rows after it.
    const middle = new Date(demo.end.getTime() - 3 * 3_600_000);
    const hybrid = await rowsWith(id, qs, { ...built, facts: { ...built.facts, coversEnd: middle } });
    expect(raw.plan).toMatchObject({ requests: 'raw', factsTable: null });
    expect(facts.plan).toMatchObject({ requests: 'facts', factsTable: built.facts.table });
    expect(hybrid.plan).toMatchObject({ requests: 'hybrid', factsTable: built.facts.table, factsCoverEnd: middle.toISOString() });
    // Read from the facts table alone, a statement never touches the payload tables (but for the bodies of a page it shows).
    if (!READS_BODIES.has(id)) expect(facts.plan.relations.map((r) => r.name)).not.toContain('payload');
    expect(hybrid.plan.relations.map((r) => r.name)).toContain('payload');
    expectInformative(raw.rows, `${id} ?${qs}`);
    expectSameRows(facts.rows, raw.rows);
    expectSameRows(hybrid.rows, raw.rows);
  });
});

/** Queries that can read the hourly rollup tables (a queries/<id>.rollup.sql variant, or their relations). */
const ROLLUP_QUERIES = Object.keys(CATALOGUE).filter((id) => CATALOGUE[id]!.rollups);
/**
 * Cases the rollup tables cannot answer, with the reason the plan must give: a requester filter on
 * tables without a requester column, a half-hour zone on hour-grain tables, a grouping the table
 * does not keep. Every other case must read them.
 */
const NOT_FROM_ROLLUPS: Record<string, RegExp> = {
  [`ops-errors-over-time ?range=7d&requester=${STORM_SENDER}`]: /gateway_lens_hourly has no requester/,
  'ops-errors-over-time ?range=7d&tz=Asia/Kolkata': /cannot make hour buckets in Asia\/Kolkata/,
  'compare-latency-histogram ?range=30d&group_by=context&context_key=a_b_test_group': /usage_context key/,
  'compare-share-over-time ?range=7d&group_by=context&context_key=a_b_test_group': /usage_context key/,
  'compare-entities ?range=30d&group_by=context&context_key=a_b_test_group': /usage_context key/,
  [`requests-over-time ?range=7d&split=served_entity&${ACME}`]: /gateway_lens_minutely has no usage_context/,
  [`ops-kpis ?range=7d&${ACME}`]: /gateway_lens_hourly has no usage_context/,
  [`finance-summary ?range=30d&${ACME}&dimension=context&context_key=project`]: /gateway_lens_tokens_hourly has no usage_context/,
  [`finance-token-trends ?range=7d&${ACME}`]: /gateway_lens_token_bins_hourly has no usage_context/,
};

describe('hourly rollups: the variant over the rollup tables returns the rows of the raw query', () => {
  const cases = ROLLUP_QUERIES.flatMap((id) => [...filtersFor(id), 'odd', ...(OWN[id] ?? [])].map((qs) => [id, qs] as const));
  it.each(cases)('%s ?%s', async (id, given) => {
    const qs = given === 'odd' ? oddWindow() : given;
    const raw = await rawRows(id, qs);
    const rolled = await rowsWith(id, qs, built);
    // The plan reads the rollup tables exactly when they can answer; otherwise it says why not.
    const refusal = NOT_FROM_ROLLUPS[`${id} ?${given}`];
    if (refusal) {
      expect(rolled.plan.aggregates).toBeNull();
      expect(rolled.plan.reasons.join('\n')).toMatch(refusal);
    } else {
      expect(rolled.plan.aggregates?.tables).toEqual(CATALOGUE[id]!.rollups!.tables.map((t) => `${built.catalog}.${t}`));
      expect(rolled.plan.file).toBe(hasSql(`${id}.rollup`) ? `queries/${id}.rollup.sql` : `queries/${id}.sql`);
    }
    expectInformative(raw.rows, `${id} ?${qs}`);
    expectSameRows(rolled.rows, raw.rows);
    // And with rollups covering only part of the window, the rest from the requests.
    const middle = new Date(demo.end.getTime() - 26 * 3_600_000 - 11 * 60_000);
    const partial = await rowsWith(id, qs, { ...built, facts: { ...built.facts, coversEnd: middle } });
    expectSameRows(partial.rows, raw.rows);
  });

  it('the inspector list picks its page of keys from request facts, keyword, tool and trace filters included, when they cover the window', async () => {
    for (const qs of ['range=7d&sort=duration_desc', 'range=7d&q=refund', 'range=30d&has_tools=yes', 'range=30d&trace_failed=yes']) {
      const r = await rowsWith('inspector-requests', qs, built);
      expect(r.plan.pageKeys, qs).toBe('facts');
      expect(r.plan.relations.map((x) => x.name), qs).not.toContain('payload_facts');
    }
    expect((await rowsWith('inspector-requests', 'range=7d', null)).plan.pageKeys).toBe('payload');
  });

  it('the inspector list reads its rows from the facts and text tables when they cover the window, a keyword\'s snippets included', async () => {
    for (const qs of ['range=7d&sort=duration_desc', 'range=30d&has_tools=yes', 'range=7d&sort=cost_desc', 'range=7d&q=refund', 'range=7d&sort=cost_desc&q=refund']) {
      const r = await rowsWith('inspector-requests', qs, built);
      expect(r.plan.file, qs).toBe('queries/inspector-requests.facts.sql');
      expect(r.plan.relations.map((x) => x.name), qs).not.toContain('payload_facts');
      expect(r.sql, qs).not.toMatch(/payload_steps|read_output/);
    }
    // The snippets are cut from the stored text in its own case, around the first match, as the bodies' reading cuts them.
    const found = await rowsWith('inspector-requests', 'range=7d&q=refund', built);
    const snippets = found.rows.map((r) => String(r.match_snippet ?? ''));
    expect(snippets.length).toBeGreaterThan(10);
    for (const s of snippets) expect(s.toLowerCase()).toContain('refund');
    expect(snippets.some((s) => /[A-Z]/.test(s))).toBe(true);
    expectSameRows(found.rows, (await rawRows('inspector-requests', 'range=7d&q=refund')).rows);
    // A window the tables cover only in part reads the bodies.
    const middle = new Date(demo.end.getTime() - 3 * 3_600_000);
    expect((await rowsWith('inspector-requests', 'range=7d', { ...built, facts: { ...built.facts, coversEnd: middle } })).plan.file).toBe('queries/inspector-requests.sql');
  });

  it('a newest-first page found in the newest hours is the whole window\'s first page', async () => {
    const cases: Array<[string, string, RegExp]> = [
      ['inspector-requests', 'range=30d', /filled from the newest \d+ h/],
      ['inspector-requests', 'range=30d&q=refund&page_size=100', /filled from the newest \d+ h/],
      // Rare: no slice fills the page, so the whole window answers.
      ['inspector-requests', 'range=30d&q=nightingale', /whole window was read/],
      ['inspector-requests', 'range=7d&status=error&endpoint=support_agent', /newest/],
      // Twenty per keyword: a common word fills from the newest hours, a rare one in the mix reads the window.
      ['ops-topic-matches', 'range=30d&keywords=refund', /filled from the newest \d+ h/],
      ['ops-topic-matches', 'range=30d&keywords=refund,nightingale', /whole window was read/],
      ['ops-topic-matches', 'range=30d', /filled from the newest \d+ h/],
    ];
    for (const [id, qs, reason] of cases) {
      const def = CATALOGUE[id]!;
      const whole = { ...def, newestFirst: undefined };
      for (const state of [built, null]) {
        if (state) setRollupState(state);
        else clearRollupState();
        const parsed = parseQueryInput(def, new URLSearchParams(qs), demo.end, demo.config);
        const sliced = await runQuery(def, parsed, { warehouse: demo.warehouse, config: demo.config });
        const full = await runQuery(whole, parsed, { warehouse: demo.warehouse, config: demo.config });
        expect(sliced.rows.length, qs).toBeGreaterThan(0);
        expect(sliced.plan.reasons.join('\n'), qs).toMatch(reason);
        expect(sliced.rows.map((r) => r.databricks_request_id), qs).toEqual(full.rows.map((r) => r.databricks_request_id));
        expectSameRows(sliced.rows, full.rows);
      }
    }
  });

  it('ops-kpis computes the hour its two periods meet in from requests, and reads the rest from the tables', async () => {
    const raw = await rawRows('ops-kpis', 'range=24h');
    const rolled = await rowsWith('ops-kpis', 'range=24h', built);
    // The demo ends at 12:34, so the current period starts inside an hour.
    expect(rolled.plan.reasons.join('\n')).toMatch(/where :current_start splits the rows\) comes from requests/);
    expect(rolled.sql).toContain(':lens_agg_split');
    expect(rolled.rows.map((r) => r.period)).toEqual(['current', 'previous']);
    expectSameRows(rolled.rows, raw.rows);
  });

  it('the variants answer most of a long window from the rollup tables', async () => {
    const { rows } = await demo.warehouse.run(`SELECT sum(sampled_rows) AS logged, sum(requests) AS requests FROM ${built.catalog}.gateway_lens_hourly`, {});
    const facts = await demo.warehouse.run(`SELECT count_if(logged) AS logged, sum(weight) AS requests FROM ${built.facts.table}`, {});
    expect(Number(rows[0]!.logged)).toBe(Number(facts.rows[0]!.logged));
    expect(Number(rows[0]!.requests)).toBeCloseTo(Number(facts.rows[0]!.requests), 6);
    const latency = await demo.warehouse.run(`SELECT count(*) AS bins, sum(sampled_rows) AS n FROM ${built.catalog}.gateway_lens_latency_hourly`, {});
    expect(Number(latency.rows[0]!.bins)).toBeLessThan(Number(latency.rows[0]!.n));
  });
});
