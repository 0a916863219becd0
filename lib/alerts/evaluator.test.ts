import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '@/queries';
import { planIncidents, COST_SPIKE_END_USER, ENTITIES } from '@/lib/demo/catalog';
import { openDemoFixture, type DemoFixture } from '@/lib/testing/demo-fixture';
import { resolveTables, type ResolvedTables } from '@/lib/catalogue/tables';
import { parseQueryInput, runQuery } from '@/lib/catalogue/run';
import { budgetRule } from './budgets';
import { Evaluator, evaluateRule, step, ticks, webhookNotifier } from './evaluator';
import { BudgetSchema, RuleSchema, type Rule } from './rules';
import { openEmbeddedStore, type LensStore } from './store';

const HOUR = 3_600_000;

/** A loopback receiver that keeps every JSON body posted to it. */
async function receiver() {
  const bodies: { text: string }[] = [];
  const server = http.createServer((req, res) => {
    let data = '';
    req.on('data', (c) => { data += c; });
    req.on('end', () => {
      bodies.push(JSON.parse(data));
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, bodies, close: () => new Promise((r) => server.close(r)) };
}

const stamps = { owner: 'test@example.com', createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z' };
const rule = (id: string, body: Record<string, unknown>): Rule => RuleSchema.parse({ id, ...stamps, notify: { destinations: ['ops'], notifyOnOk: true }, everyMinutes: 60, ...body });

// Each case replays a rule minute by minute over hours of the demo: slow on a loaded 2-core machine.
describe('the embedded evaluator against the demo\'s planted incidents', { timeout: 300_000 }, () => {
  let demo: DemoFixture;
  let tables: ResolvedTables;
  let store: LensStore;
  let closeStore: () => Promise<void>;
  let hook: Awaited<ReturnType<typeof receiver>>;
  let evaluator: Evaluator;
  let incidents: Record<string, { start: Date; end: Date }>;

  beforeAll(async () => {
    demo = await openDemoFixture({ rows: 60_000, seed: 5 });
    tables = await resolveTables(demo.config, demo.warehouse);
    ({ store, close: closeStore } = openEmbeddedStore(`${demo.dir}/state.duckdb`));
    hook = await receiver();
    evaluator = new Evaluator({ store, warehouse: demo.warehouse, tables: async () => tables, notify: webhookNotifier([{ name: 'ops', url: hook.url }]), rules: async () => [] });
    incidents = Object.fromEntries(planIncidents(demo.end).map((i) => [i.name, i]));
  });
  afterAll(async () => {
    await hook?.close();
    await closeStore?.();
    await demo?.close();
  });

  /** Replays a rule over [from, to] with notifications on; returns the messages the receiver got. */
  async function replay(r: Rule, from: Date, to: Date) {
    const before = hook.bodies.length;
    const result = await evaluator.replay(r, from, to, { notify: true });
    return { ...result, messages: hook.bodies.slice(before).map((b) => b.text) };
  }

  const latency = () => rule('latency-claude', {
    name: 'p95 of claude-sonnet on chat_assistant > 12 s',
    query: 'ops-latency-over-time',
    params: { endpoint: 'chat_assistant', served_entity: ENTITIES.claude.id, bucket: 'day' },
    window: { kind: 'last', minutes: 60 },
    // A p95 of a handful of night-time requests is their slowest one: judge hours with 20 or more.
    measure: { column: 'p95_ms', aggregation: 'MAX', atLeast: { column: 'sampled_rows', min: 20 } },
    condition: { op: '>', threshold: 12_000 },
    page: { path: '/ops', search: 'endpoint=chat_assistant' },
  });

  it('fires once for the latency spike and resolves after it, with the spike\'s hours in the firing and the link', async () => {
    const spike = incidents.latency_spike!;
    const { firings, evaluations, messages, ms } = await replay(latency(), new Date(spike.start.getTime() - 5 * HOUR), new Date(spike.end.getTime() + 5 * HOUR));
    expect(evaluations).toBe(13);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatch(/^Triggered: p95 of claude-sonnet on chat_assistant > 12 s\np95_ms \d+(\.\d)? s \(> 12 s\)/);
    expect(messages[1]).toMatch(/^Resolved: /);
    expect(firings).toHaveLength(1);
    expect(firings[0]).toMatchObject({ windowStart: spike.start.toISOString(), windowEnd: spike.end.toISOString(), source: 'replay', notified: true });
    expect(firings[0]!.peakValue).toBeGreaterThan(15_000);
    // The link back (in the message that closes the firing) covers the spike: its page, its filters, a custom range around it.
    const link = new URL(messages[1]!.split('Gateway Lens: ')[1]!, 'http://x');
    expect(link.pathname).toBe('/ops');
    expect(link.searchParams.get('endpoint')).toBe('chat_assistant');
    expect(Date.parse(link.searchParams.get('from')!)).toBeLessThan(spike.start.getTime());
    expect(Date.parse(link.searchParams.get('to')!)).toBeGreaterThan(spike.end.getTime());
    console.info(`latency replay: ${evaluations} evaluations in ${Math.round(ms)} ms`);
  });

  it('says nothing over a healthy day', async () => {
    const healthy = new Date(demo.end.getTime() - 9 * 24 * HOUR);
    const { messages, firings } = await replay(latency(), healthy, new Date(healthy.getTime() + 24 * HOUR));
    expect(messages).toEqual([]);
    expect(firings).toEqual([]);
  });

  it('fires for the provider 5xx burst on the error rate against a baseline a day earlier', async () => {
    const burst = incidents.provider_5xx_burst!;
    const r = rule('errors-chat', {
      name: 'chat_assistant error rate > 20% and > 3× yesterday',
      query: 'ops-kpis',
      params: { endpoint: 'chat_assistant' },
      window: { kind: 'last', minutes: 30 },
      everyMinutes: 15,
      measure: { column: 'errors', per: 'requests', aggregation: 'SUM', where: { period: 'current' }, atLeast: { column: 'requests', min: 10 } },
      condition: { op: '>', threshold: 0.2, baseline: { shift: 'day', factor: 3 } },
    });
    const { firings, messages } = await replay(r, new Date(burst.start.getTime() - 3 * HOUR), new Date(burst.end.getTime() + 3 * HOUR));
    expect(messages.map((m) => m.split(':')[0])).toEqual(['Triggered', 'Resolved']);
    expect(firings).toHaveLength(1);
    // The first 30-minute window that is mostly burst, to the last that still holds enough of it.
    expect(Date.parse(firings[0]!.windowStart)).toBeGreaterThanOrEqual(burst.start.getTime() - 30 * 60_000);
    expect(Date.parse(firings[0]!.windowEnd)).toBeLessThanOrEqual(burst.end.getTime() + 30 * 60_000);
    expect(firings[0]!.peakValue).toBeGreaterThan(0.3);
    const quiet = await replay(r, new Date(demo.end.getTime() - 8 * 24 * HOUR), new Date(demo.end.getTime() - 7 * 24 * HOUR));
    expect(quiet.messages).toEqual([]);
  });

  it('fires for the 429 storm on the count of rate-limited requests', async () => {
    const storm = incidents.rate_limit_storm!;
    const r = rule('storm-429', {
      name: '429s on chat_assistant',
      query: 'requests-over-time',
      params: { endpoint: 'chat_assistant', status: '429', bucket: 'day', split: 'none' },
      window: { kind: 'last', minutes: 15 },
      everyMinutes: 15,
      measure: { column: 'requests', aggregation: 'SUM' },
      condition: { op: '>', threshold: 10 },
      emptyResult: 'ok',
      notify: { destinations: ['ops'], notifyOnOk: false },
    });
    const { firings, messages } = await replay(r, new Date(storm.start.getTime() - 2 * HOUR), new Date(storm.end.getTime() + 2 * HOUR));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^Triggered: 429s on chat_assistant/);
    expect(firings[0]).toMatchObject({ windowStart: storm.start.toISOString(), windowEnd: storm.end.toISOString() });
  });

  it('fires the budget of acme-analytics on its spike day only, per day', async () => {
    const spike = incidents.cost_spike!;
    // The limit: five times acme-analytics' median daily spend over the month (the spike is ~20×).
    const def = CATALOGUE['finance-spend-daily']!;
    const month = parseQueryInput(def, new URLSearchParams({ range: '30d', dimension: 'context', focus: COST_SPIKE_END_USER }), demo.end, demo.config);
    const days = (await runQuery(def, month, { warehouse: demo.warehouse, config: demo.config })).rows.map((r) => Number(r.cost)).sort((a, b) => a - b);
    const median = days[Math.floor(days.length / 2)]!;
    expect(median).toBeGreaterThan(0);
    const budget = BudgetSchema.parse({ id: 'acme-daily', ...stamps, name: 'acme-analytics daily', scope: { dimension: 'context', key: 'end_user_to_charge', value: COST_SPIKE_END_USER }, period: 'day', limit: 5 * median, notify: { destinations: ['ops'], notifyOnOk: false } });
    const exceeded = budgetRule(budget, 'exceeded') as Rule;
    const r = RuleSchema.parse({ ...exceeded, ...stamps, budget: { id: budget.id, level: 'exceeded' } });
    const { firings, messages } = await replay(r, new Date(spike.start.getTime() - 6 * HOUR), new Date(spike.end.getTime() + 6 * HOUR));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^Triggered: acme-analytics daily: budget exceeded/);
    expect(firings).toHaveLength(1);
    expect(firings[0]!.windowStart).toBe(spike.start.toISOString());
    expect(Date.parse(firings[0]!.windowEnd)).toBeLessThanOrEqual(spike.end.getTime());
  });

  it('records the current state, a firing and no second notice when evaluated twice while triggered', async () => {
    const spike = incidents.latency_spike!;
    const r = { ...latency(), id: 'latency-now' };
    const before = hook.bodies.length;
    const first = await evaluator.evaluateAndRecord(r, new Date(spike.start.getTime() + HOUR), 'test');
    const second = await evaluator.evaluateAndRecord(r, new Date(spike.start.getTime() + 2 * HOUR), 'test');
    expect([first.notice, second.notice]).toEqual(['triggered', null]);
    expect(hook.bodies.length - before).toBe(1);
    const status = (await store.statuses()).get('latency-now');
    expect(status).toMatchObject({ state: 'triggered', windowEnd: spike.end.toISOString() });
    const firings = await store.firings({ ruleId: 'latency-now' });
    expect(firings).toHaveLength(1);
    expect(firings[0]).toMatchObject({ source: 'test', endedAt: null, windowStart: new Date(spike.start.getTime()).toISOString(), windowEnd: spike.end.toISOString() });
  });

  it('reports an error state with a safe message when the statement fails', async () => {
    const broken = { ...latency(), id: 'broken', params: { endpoint: 'chat_assistant', bucket: 'day' } };
    const e = await evaluateRule(broken, demo.end, { warehouse: { engine: 'duckdb', run: async () => { throw new Error('boom'); }, close: async () => {} }, tables });
    expect(e).toMatchObject({ state: 'error', detail: 'boom', value: null });
  });
});

describe('step', () => {
  const r = rule('rule-x', { name: 'x', query: 'ops-kpis', window: { kind: 'last', minutes: 5 }, measure: { column: 'p95_ms' }, condition: { op: '>', threshold: 1 }, notify: { destinations: [], retriggerMinutes: 30 } });
  const ev = (at: string, state: 'ok' | 'triggered', value: number) => ({ ruleId: 'rule-x', at, window: { start: at, end: at }, state, value, threshold: 1, groups: [], detail: null, sql: '', ms: 0 });

  it('notifies again after the retrigger time while still triggered, and never while muted', () => {
    const a = step(r, ev('2026-11-01T00:00:00.000Z', 'triggered', 5), { status: null, firing: null }, 'schedule');
    const b = step(r, ev('2026-11-01T00:10:00.000Z', 'triggered', 9), { status: a.status, firing: a.firing }, 'schedule');
    const c = step(r, ev('2026-11-01T00:30:00.000Z', 'triggered', 7), { status: b.status, firing: b.firing }, 'schedule');
    expect([a.notice, b.notice, c.notice]).toEqual(['triggered', null, 'still_triggered']);
    expect(c.firing).toMatchObject({ peakValue: 9, windowStart: '2026-11-01T00:00:00.000Z', windowEnd: '2026-11-01T00:30:00.000Z' });
    const muted = step({ ...r, mutedUntil: '2026-11-02T00:00:00.000Z' }, ev('2026-11-01T00:00:00.000Z', 'triggered', 5), { status: null, firing: null }, 'schedule');
    expect(muted).toMatchObject({ notice: null, status: { state: 'triggered' } });
  });

  it('schedules on whole multiples of the period', () => {
    expect(ticks(15, new Date('2026-11-01T00:07:00Z'), new Date('2026-11-01T01:00:00Z')).map((d) => d.toISOString().slice(11, 16))).toEqual(['00:15', '00:30', '00:45', '01:00']);
  });
});
