import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '@/lib/demo/generate';
import { planIncidents } from '@/lib/demo/catalog';
import { closeServer, setServerEnv } from '@/lib/testing/server-env';
import { now } from '@/lib/time/clock';

// The route handlers read the process configuration: a private demo and a private state file.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gateway-lens-alert-routes-'));
process.env.DEMO_DB = path.join(dir, 'demo.duckdb');
process.env.LENS_STATE_DB = path.join(dir, 'state.duckdb');
process.env.ROLLUPS = 'off';
const END = new Date(Math.floor(now().getTime() / 60_000) * 60_000);

type Ctx = { params: Promise<Record<string, string>> };
type Handler = (req: Request, ctx?: Ctx) => Promise<Response>;
let routes: Record<string, Record<string, Handler>>;

beforeAll(async () => {
  await generateDemo({ path: process.env.DEMO_DB!, rows: 30_000, seed: 9, end: END });
  routes = {
    alerts: await import('@/app/api/alerts/route'),
    alert: await import('@/app/api/alerts/[id]/route'),
    test: await import('@/app/api/alerts/[id]/test/route'),
    replay: await import('@/app/api/alerts/[id]/replay/route'),
    preview: await import('@/app/api/alerts/preview/route'),
    catalogue: await import('@/app/api/alerts/catalogue/route'),
    destinations: await import('@/app/api/alerts/destinations/route'),
    exported: await import('@/app/api/alerts/export/route'),
    imported: await import('@/app/api/alerts/import/route'),
    budgets: await import('@/app/api/budgets/route'),
    budget: await import('@/app/api/budgets/[id]/route'),
    views: await import('@/app/api/views/route'),
    view: await import('@/app/api/views/[id]/route'),
    incidents: await import('@/app/api/demo/incidents/route'),
  } as unknown as typeof routes;
});
afterAll(() => closeServer(dir));
afterEach(() => setServerEnv({ ROLES: undefined, TRUSTED_PROXY: undefined }));

const call = async (route: string, method: string, opts: { id?: string; body?: unknown; qs?: string; headers?: Record<string, string> } = {}) => {
  const handler = routes[route]![method]!;
  const init: RequestInit = { method, headers: { ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}), ...opts.headers } };
  if (opts.body !== undefined) init.body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
  const res = await handler(new Request(`http://localhost/api/x${opts.qs ? `?${opts.qs}` : ''}`, init), { params: Promise.resolve<Record<string, string>>(opts.id ? { id: opts.id } : {}) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
};

const P95 = {
  name: 'p95 of chat_assistant > 8 s over 5 minutes',
  query: 'ops-latency-over-time',
  params: { endpoint: 'chat_assistant', bucket: 'day' },
  window: { kind: 'last', minutes: 5 },
  measure: { column: 'p95_ms', aggregation: 'MAX' },
  condition: { op: '>', threshold: 8000 },
  page: { path: '/ops', search: 'endpoint=chat_assistant' },
};

describe('the alerts API', () => {
  it('creates a rule, lists it with no state yet, shows its SQL, and deletes it', async () => {
    const created = await call('alerts', 'POST', { body: P95 });
    expect(created.status).toBe(201);
    const id = created.body.rule.id as string;
    expect(id).toMatch(/^p95-of-chat-assistant-8-s-over-5-minutes-[0-9a-f]{6}$/);
    expect(created.body.rule).toMatchObject({ owner: 'anonymous', everyMinutes: 5, paused: false, mutedUntil: null, emptyResult: 'no_data' });
    const list = await call('alerts', 'GET');
    expect(list.body).toMatchObject({ engine: 'duckdb', evaluator: 'off', demoLive: false });
    expect(list.body.rules.find((r: { rule: { id: string } }) => r.rule.id === id)).toMatchObject({ status: null, firings: [], summary: expect.stringContaining('max(p95_ms) > 8000 over the last 5 minutes') });
    const one = await call('alert', 'GET', { id });
    expect(one.body.sql).toContain("(current_timestamp() - INTERVAL 5 MINUTES)");
    expect(one.body.sql).toContain("'chat_assistant'");
    expect((await call('alert', 'DELETE', { id })).status).toBe(204);
    expect((await call('alert', 'GET', { id })).status).toBe(404);
  });

  it('refuses bad bodies with reasons', async () => {
    const bad = await call('alerts', 'POST', { body: { ...P95, measure: { column: 'no_such', aggregation: 'MAX' }, params: { endpoint: 'chat_assistant', bucket: 'day', q: 'x' } } });
    expect(bad.status).toBe(400);
    expect(bad.body.problems).toEqual([{ path: 'params', message: expect.stringContaining('q: not a parameter') }]);
    const noThreshold = await call('alerts', 'POST', { body: { ...P95, condition: { op: '>' } } });
    expect(noThreshold.body.problems).toEqual([{ path: 'condition', message: 'give a threshold, a baseline, or both' }]);
    const column = await call('alerts', 'POST', { body: { ...P95, measure: { column: 'series', aggregation: 'MAX' } } });
    expect(column.body.problems[0]).toMatchObject({ path: 'measure.column', message: expect.stringContaining('no numeric column "series"') });
    expect((await call('alerts', 'POST', { body: '{not json' })).body.error).toBe('The body is not valid JSON');
    const form = await routes.alerts!.POST!(new Request('http://localhost/api/alerts', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(P95) }));
    expect(form.status).toBe(400);
    const crossSite = await call('alerts', 'POST', { body: P95, headers: { 'sec-fetch-site': 'cross-site' } });
    expect(crossSite.status).toBe(403);
    expect((await call('alert', 'PATCH', { id: 'nope-000000', body: { paused: true } })).status).toBe(404);
  });

  it('mutes, pauses and tests a rule, and replays it over the planted latency spike', async () => {
    const { body: { rule } } = await call('alerts', 'POST', { body: { ...P95, window: { kind: 'last', minutes: 60 }, everyMinutes: 60 } });
    const muted = await call('alert', 'PATCH', { id: rule.id, body: { mutedUntil: '2027-01-01T00:00:00Z', paused: true } });
    expect(muted.body.rule).toMatchObject({ mutedUntil: '2027-01-01T00:00:00.000Z', paused: true });
    expect((await call('alert', 'PATCH', { id: rule.id, body: { everyMinutes: 7 } })).body.problems[0].path).toBe('everyMinutes');
    const tested = await call('test', 'POST', { id: rule.id });
    expect(tested.status).toBe(200);
    expect(tested.body).toMatchObject({ recorded: true, evaluation: { ruleId: rule.id, at: END.toISOString() } });
    expect(['ok', 'triggered', 'no_data']).toContain(tested.body.evaluation.state);
    const spike = planIncidents(END).find((i) => i.name === 'latency_spike')!;
    const replay = await call('replay', 'POST', { id: rule.id, body: { from: new Date(spike.start.getTime() - 3 * 3_600_000).toISOString(), to: new Date(spike.end.getTime() + 3 * 3_600_000).toISOString() } });
    expect(replay.status).toBe(200);
    expect(replay.body.evaluations).toBe(9);
    expect(replay.body.firings).toEqual([expect.objectContaining({ source: 'replay', windowStart: spike.start.toISOString(), windowEnd: spike.end.toISOString() })]);
    const listed = (await call('alerts', 'GET')).body.rules.find((r: { rule: { id: string } }) => r.rule.id === rule.id);
    expect(listed.status).toMatchObject({ evaluatedAt: END.toISOString() });
    expect(listed.firings.map((f: { source: string }) => f.source)).toContain('replay');
    const tooLong = await call('replay', 'POST', { id: rule.id, body: { from: '2026-01-01T00:00:00Z', to: END.toISOString() } });
    expect(tooLong).toMatchObject({ status: 400, body: { problems: [{ path: 'from', message: expect.stringContaining('at most 2100') }] } });
  });

  it('offers the editor a query\'s measures and the windows it can run over', async () => {
    const r = await call('catalogue', 'GET', { qs: `query=ops-latency-over-time&params=${encodeURIComponent(JSON.stringify({ range: '7d', endpoint: 'chat_assistant', split: 'none', tz: 'UTC' }))}` });
    expect(r.status).toBe(200);
    expect(r.body.params).toEqual({ endpoint: 'chat_assistant', split: 'none', tz: 'UTC', bucket: 'day' });
    expect(r.body.presets[0]).toMatchObject({ label: 'p95 latency', measure: { column: 'p95_ms' } });
    expect(r.body.windows.every((w: { ok: boolean }) => w.ok)).toBe(true);
    expect((await call('catalogue', 'GET', { qs: 'query=nope' })).status).toBe(404);
    expect((await call('catalogue', 'GET', { qs: 'query=ops-kpis&params=%7Bx' })).status).toBe(400);
    const preview = await call('preview', 'POST', { body: P95, qs: 'evaluate=1' });
    expect(preview.body).toMatchObject({ problems: [], sql: expect.stringContaining('lens_current AS ('), evaluation: { ruleId: 'rule-preview' } });
  });

  it('keeps budgets and evaluates each as two rules, and keeps saved views with their owner', async () => {
    const b = await call('budgets', 'POST', { body: { name: 'acme-analytics daily', scope: { dimension: 'context', key: 'end_user_to_charge', value: 'acme-analytics' }, period: 'day', limit: 5 } });
    expect(b.status).toBe(201);
    const rules = (await call('alerts', 'GET')).body.rules.filter((r: { rule: { budget: { id: string } | null } }) => r.rule.budget?.id === b.body.budget.id);
    expect(rules.map((r: { rule: { id: string; condition: { threshold: number } } }) => [r.rule.id, r.rule.condition.threshold])).toEqual([[`${b.body.budget.id}-warning`, 4], [`${b.body.budget.id}-exceeded`, 5]]);
    expect((await call('alert', 'PATCH', { id: `${b.body.budget.id}-warning`, body: { paused: true } })).status).toBe(409);
    expect((await call('budget', 'PATCH', { id: b.body.budget.id, body: { limit: 7 } })).body.budget.limit).toBe(7);
    expect((await call('budget', 'PATCH', { id: b.body.budget.id, body: { limit: -1 } })).status).toBe(400);
    expect((await call('budget', 'DELETE', { id: b.body.budget.id })).status).toBe(204);

    setServerEnv({ TRUSTED_PROXY: 'true', ROLES: 'admin:lead@example.com;ops:*@ops.example.com;finance:*@finance.example.com' });
    const sre = { 'x-forwarded-email': 'sre@ops.example.com' };
    const cfo = { 'x-forwarded-email': 'cfo@finance.example.com' };
    const view = await call('views', 'POST', { body: { name: 'chat latency', path: '/ops', search: 'endpoint=chat_assistant&range=24h' }, headers: sre });
    expect(view.body.view).toMatchObject({ owner: 'sre@ops.example.com', path: '/ops', search: 'endpoint=chat_assistant&range=24h' });
    expect((await call('view', 'GET', { id: view.body.view.id })).body.view.name).toBe('chat latency');
    expect((await call('views', 'POST', { body: { name: 'x', path: '/not-a-page', search: '' } })).status).toBe(400);
    expect((await call('view', 'DELETE', { id: view.body.view.id, headers: cfo })).status).toBe(403);
    expect((await call('alerts', 'POST', { body: P95, headers: cfo })).status).toBe(403);
    expect((await call('budgets', 'POST', { body: { name: 'x', scope: { dimension: 'endpoint', value: 'chat_assistant' }, period: 'month', limit: 10 }, headers: sre })).status).toBe(403);
    expect((await call('view', 'DELETE', { id: view.body.view.id, headers: sre })).status).toBe(204);
  });

  it('exports everything as one bundle and imports it again (ids kept: an update, not a copy)', async () => {
    const { body: { rule } } = await call('alerts', 'POST', { body: { ...P95, name: 'exported rule' } });
    await call('views', 'POST', { body: { name: 'exported view', path: '/finance', search: 'dim=requester' } });
    const exported = await call('exported', 'GET');
    expect(exported.headers.get('content-disposition')).toMatch(/^attachment; filename="gateway-lens-alerts-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(exported.body).toMatchObject({ kind: 'gateway-lens/alerts', version: 1 });
    expect(exported.body.rules.map((r: { id: string }) => r.id)).toContain(rule.id);
    const before = (await call('alerts', 'GET')).body.rules.length;
    const imported = await call('imported', 'POST', { body: { ...exported.body, rules: exported.body.rules.map((r: { name: string }) => ({ ...r, name: `${r.name} (imported)` })) } });
    expect(imported.status).toBe(200);
    expect(imported.body.imported.rules).toBe(exported.body.rules.length);
    const after = (await call('alerts', 'GET')).body.rules;
    expect(after.length).toBe(before);
    expect(after.find((r: { rule: { id: string } }) => r.rule.id === rule.id).rule.name).toBe('exported rule (imported)');
    const broken = await call('imported', 'POST', { body: { ...exported.body, rules: [{ ...exported.body.rules[0], query: 'nope' }] } });
    expect(broken).toMatchObject({ status: 400, body: { problems: [{ path: 'rules.0.query' }] } });
  });

  it('says what the live demo can do when it is off', async () => {
    expect((await call('incidents', 'GET')).body).toMatchObject({ live: false, incidents: [], replayable: expect.arrayContaining([expect.objectContaining({ kind: 'latency_spike' })]) });
    expect((await call('incidents', 'POST', { body: { kind: 'latency_spike' } })).status).toBe(409);
    expect((await call('incidents', 'POST', { body: { kind: 'meteor' } })).status).toBe(400);
    expect((await call('destinations', 'GET')).body.destinations).toEqual([]);
  });
});
