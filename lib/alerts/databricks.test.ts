import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { statementErrors } from '@/lib/testing/spark-grammar';
import { loadConfig } from '@/lib/config';
import type { ResolvedTables } from '@/lib/catalogue/tables';
import type { Warehouse } from '@/lib/warehouse/types';
import { now } from '@/lib/time/clock';
import { DISPLAY_PREFIX, TAG, databricksApi, quartzEvery, ruleIdOf, DatabricksApiError } from './databricks';
import { AlertV2, CreateAlertV2Body, UpdateAlertV2Body } from './databricks-schema';
import { createBudget, createRule, deleteRule, listDestinations, listRules, updateRule, type AlertsContext } from './service';
import { openEmbeddedStore } from './store';

const fixture = (name: string) => JSON.parse(fs.readFileSync(path.join('fixtures/databricks', name), 'utf8'));

interface Seen { method: string; path: string; query: URLSearchParams; headers: http.IncomingHttpHeaders; body: string }

/** A fake workspace on loopback: the OAuth token endpoint and the Alerts V2 and destinations APIs. */
async function fakeWorkspace() {
  const seen: Seen[] = [];
  const alerts = new Map<string, Record<string, unknown>>();
  let next = 1;
  let failNext: { status: number; body: unknown } | null = null;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      const url = new URL(req.url!, 'http://x');
      seen.push({ method: req.method!, path: url.pathname, query: url.searchParams, headers: req.headers, body });
      const send = (status: number, payload: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
      if (url.pathname === '/oidc/v1/token') return send(200, { access_token: 'sp-token-1', token_type: 'Bearer', expires_in: 3600 });
      if (failNext) {
        const f = failNext;
        failNext = null;
        return send(f.status, f.body);
      }
      const id = decodeURIComponent(url.pathname.split('/')[4] ?? '');
      if (url.pathname === '/api/2.0/alerts' && req.method === 'POST') {
        const alert = { ...JSON.parse(body), id: `alert-${next++}`, lifecycle_state: 'ACTIVE', owner_user_name: 'sp-app-id' };
        alerts.set(alert.id, alert);
        return send(200, alert);
      }
      if (url.pathname === '/api/2.0/alerts' && req.method === 'GET') {
        // Page 1: the documented example (someone else's alert); page 2: ours.
        if (!url.searchParams.get('page_token')) return send(200, fixture('alerts-v2-list.json'));
        return send(200, { results: [...alerts.values()] });
      }
      if (id && req.method === 'PATCH') {
        const patch = JSON.parse(body) as Record<string, unknown>;
        const merged = { ...alerts.get(id)!, ...Object.fromEntries(url.searchParams.get('update_mask')!.split(',').map((k) => [k, patch[k]])) };
        alerts.set(id, merged);
        return send(200, merged);
      }
      if (id && req.method === 'GET') return alerts.has(id) ? send(200, alerts.get(id)) : send(404, { error_code: 'RESOURCE_DOES_NOT_EXIST', message: 'no alert' });
      if (id && req.method === 'DELETE') {
        alerts.delete(id);
        return send(200, {});
      }
      if (url.pathname === '/api/2.0/notification-destinations') return send(200, fixture('notification-destinations-list.json'));
      return send(404, { error_code: 'ENDPOINT_NOT_FOUND', message: 'no such API' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen, alerts,
    failOnce: (status: number, body: unknown) => { failNext = { status, body }; },
    close: () => new Promise((r) => server.close(r)),
  };
}

const tables: ResolvedTables = {
  payload: [{ endpoint: 'chat_assistant', table: 'main.ai_gateway.chat_assistant_payload' }],
  endpointUsage: 'system.serving.endpoint_usage',
  servedEntities: 'system.serving.served_entities',
};

const P95 = {
  name: 'p95 of chat_assistant > 8 s over 5 minutes',
  query: 'ops-latency-over-time',
  params: { endpoint: 'chat_assistant', bucket: 'day' },
  window: { kind: 'last', minutes: 5 },
  measure: { column: 'p95_ms', aggregation: 'MAX' },
  condition: { op: '>', threshold: 8000 },
  notify: { destinations: ['fe25e731-92f2-4838-9fb2-1ca364320a3d'], emails: ['oncall@example.com'] },
};

describe('rules as Databricks SQL alerts (a fake workspace on loopback)', () => {
  let ws: Awaited<ReturnType<typeof fakeWorkspace>>;
  let ctx: AlertsContext;
  let closeStore: () => Promise<void>;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gateway-lens-dbx-alerts-'));
  const viewer = { identity: 'lead@example.com', role: 'admin' as const };
  const noWarehouse: Warehouse = { engine: 'databricks', run: async () => { throw new Error('no statement runs to create an alert'); }, close: async () => {} };

  beforeAll(async () => {
    ws = await fakeWorkspace();
    const config = loadConfig({
      WAREHOUSE_ENGINE: 'databricks', DATABRICKS_HOST: 'adb-123.4.azuredatabricks.net', DATABRICKS_WAREHOUSE_ID: 'a7066a8ef796be84',
      DATABRICKS_CLIENT_ID: 'sp-app-id', DATABRICKS_CLIENT_SECRET: 'sp-secret', PAYLOAD_SCHEMA: 'main.ai_gateway',
      LENS_STATE_SCHEMA: 'main.gateway_lens', ALERTS_PARENT_PATH: '/Shared/gateway-lens',
    });
    const store = openEmbeddedStore(path.join(dir, 'state.duckdb'));
    closeStore = store.close;
    ctx = {
      config, store: store.store, warehouse: noWarehouse, tables: async () => tables, evaluator: null, now,
      api: databricksApi({ baseUrl: ws.baseUrl, auth: config.databricks!.auth as { kind: 'oauth-m2m'; clientId: string; clientSecret: string } }),
    };
  });
  afterAll(async () => {
    await ws?.close();
    await closeStore?.();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => { ws.seen.length = 0; });

  it('creates the alert with a body of documented fields only, as the service principal', async () => {
    const rule = await createRule(ctx, viewer, P95);
    const post = ws.seen.find((s) => s.path === '/api/2.0/alerts' && s.method === 'POST')!;
    const body = CreateAlertV2Body.parse(JSON.parse(post.body));
    expect(body).toMatchObject({
      display_name: `${DISPLAY_PREFIX}p95 of chat_assistant > 8 s over 5 minutes`,
      warehouse_id: 'a7066a8ef796be84',
      parent_path: '/Shared/gateway-lens',
      evaluation: {
        source: { name: 'alert_value', display: 'p95_ms' },
        comparison_operator: 'GREATER_THAN',
        threshold: { value: { double_value: 8000 } },
        empty_result_state: 'UNKNOWN',
        notification: { subscriptions: [{ destination_id: 'fe25e731-92f2-4838-9fb2-1ca364320a3d' }, { user_email: 'oncall@example.com' }], notify_on_ok: true, retrigger_seconds: 0 },
      },
      schedule: { quartz_cron_schedule: '0 0/5 * * * ?', timezone_id: 'UTC', pause_status: 'UNPAUSED' },
    });
    expect(body.evaluation.source.aggregation).toBeUndefined();
    expect(body.custom_description).toContain(`${TAG}${rule.id}`);
    // The query runs unchanged in the SQL editor: Spark SQL, its window from current_timestamp().
    expect(body.query_text).toContain('(current_timestamp() - INTERVAL 5 MINUTES)');
    expect(statementErrors(body.query_text)).toEqual([]);
    // OAuth M2M: client credentials at the workspace's token endpoint, then the bearer token.
    const token = ws.seen.find((s) => s.path === '/oidc/v1/token');
    expect(token?.body).toBe('grant_type=client_credentials&scope=all-apis');
    expect(Buffer.from(String(token?.headers.authorization).replace('Basic ', ''), 'base64').toString()).toBe('sp-app-id:sp-secret');
    expect(post.headers.authorization).toBe('Bearer sp-token-1');
    expect(rule.databricksAlertId).toMatch(/^alert-\d+$/);
  });

  it('mutes, pauses and changes through PATCH with an update mask, and trashes on delete', async () => {
    const rule = await createRule(ctx, viewer, { ...P95, name: 'mute me' });
    ws.seen.length = 0;
    await updateRule(ctx, viewer, rule.id, { mutedUntil: '2099-01-01T00:00:00Z', paused: true });
    const patch = ws.seen.find((s) => s.method === 'PATCH')!;
    expect(patch.path).toBe(`/api/2.0/alerts/${rule.databricksAlertId}`);
    expect(patch.query.get('update_mask')).toBe('display_name,query_text,custom_summary,custom_description,evaluation,schedule');
    const body = UpdateAlertV2Body.parse(JSON.parse(patch.body));
    expect(body).not.toHaveProperty('parent_path');
    expect(body.evaluation!.notification!.subscriptions).toEqual([]);
    expect(body.schedule!.pause_status).toBe('PAUSED');
    await updateRule(ctx, viewer, rule.id, { mutedUntil: null, paused: false, condition: { op: '>=', threshold: 9000 } });
    const unmuted = UpdateAlertV2Body.parse(JSON.parse(ws.seen.filter((s) => s.method === 'PATCH').at(-1)!.body));
    expect(unmuted.evaluation).toMatchObject({ comparison_operator: 'GREATER_THAN_OR_EQUAL', threshold: { value: { double_value: 9000 } }, notification: { subscriptions: [{ destination_id: expect.any(String) }, { user_email: 'oncall@example.com' }] } });
    expect(unmuted.schedule!.pause_status).toBe('UNPAUSED');
    // A mute that has ended gives the alert its subscriptions back when the rules are next listed.
    await updateRule(ctx, viewer, rule.id, { mutedUntil: new Date(now().getTime() - 60_000).toISOString() });
    const mutedAgain = UpdateAlertV2Body.parse(JSON.parse(ws.seen.filter((s) => s.method === 'PATCH').at(-1)!.body));
    expect(mutedAgain.evaluation!.notification!.subscriptions).toHaveLength(2);
    await updateRule(ctx, viewer, rule.id, { mutedUntil: '2099-01-01T00:00:00Z' });
    expect(ws.alerts.get(rule.databricksAlertId!)!.evaluation).toMatchObject({ notification: { subscriptions: [] } });
    ctx.now = () => new Date('2099-01-02T00:00:00Z');
    await listRules(ctx, viewer);
    ctx.now = now;
    expect(ws.alerts.get(rule.databricksAlertId!)!.evaluation).toMatchObject({ notification: { subscriptions: [{ destination_id: expect.any(String) }, { user_email: 'oncall@example.com' }] } });
    expect((await ctx.store.get('rule', rule.id))!.body).toMatchObject({ mutedUntil: null });
    await deleteRule(ctx, viewer, rule.id);
    expect(ws.seen.at(-1)).toMatchObject({ method: 'DELETE', path: `/api/2.0/alerts/${rule.databricksAlertId}` });
    expect(ws.alerts.has(rule.databricksAlertId!)).toBe(false);
  });

  it('writes a baseline as a threshold column, a group as MAX across groups, and a budget as two alerts', async () => {
    await createRule(ctx, viewer, { ...P95, name: 'error rate vs yesterday', query: 'ops-kpis', params: { endpoint: 'chat_assistant' }, everyMinutes: 15, measure: { column: 'errors', per: 'requests', aggregation: 'SUM', where: { period: 'current' } }, condition: { op: '>', threshold: 0.05, baseline: { shift: 'day', factor: 3 } } });
    const baseline = CreateAlertV2Body.parse(JSON.parse(ws.seen.filter((s) => s.method === 'POST' && s.path === '/api/2.0/alerts').at(-1)!.body));
    expect(baseline.evaluation.threshold).toEqual({ column: { name: 'alert_threshold' } });
    expect(baseline.query_text).toContain('greatest(0.05, base.alert_value * 3) AS alert_threshold');
    expect(baseline.query_text).toContain('(current_timestamp() - INTERVAL 1 DAYS)');
    expect(baseline.schedule.quartz_cron_schedule).toBe('0 0/15 * * * ?');
    expect(statementErrors(baseline.query_text)).toEqual([]);

    await createRule(ctx, viewer, { ...P95, name: 'spend per end user today', query: 'finance-breakdown', params: { dimension: 'context', context_key: 'end_user_to_charge', top_n: '0' }, window: { kind: 'today' }, everyMinutes: 60, measure: { column: 'cost', aggregation: 'SUM', groupBy: 'value' }, condition: { op: '>', threshold: 50 } });
    const grouped = CreateAlertV2Body.parse(JSON.parse(ws.seen.filter((s) => s.method === 'POST' && s.path === '/api/2.0/alerts').at(-1)!.body));
    expect(grouped.evaluation.source).toEqual({ name: 'alert_value', display: 'cost', aggregation: 'MAX' });
    expect(grouped.query_text).toContain("date_trunc('day', current_timestamp())");
    expect(grouped.schedule.quartz_cron_schedule).toBe('0 0 * * * ?');

    ws.seen.length = 0;
    const budget = await createBudget(ctx, viewer, { name: 'acme-analytics monthly', scope: { dimension: 'context', key: 'end_user_to_charge', value: 'acme-analytics' }, period: 'month', limit: 1000, warningPercent: 75 });
    const posts = ws.seen.filter((s) => s.method === 'POST' && s.path === '/api/2.0/alerts').map((s) => CreateAlertV2Body.parse(JSON.parse(s.body)));
    expect(posts.map((p) => [p.display_name, p.evaluation.comparison_operator, p.evaluation.threshold])).toEqual([
      [`${DISPLAY_PREFIX}acme-analytics monthly: 75% of budget`, 'GREATER_THAN_OR_EQUAL', { value: { double_value: 750 } }],
      [`${DISPLAY_PREFIX}acme-analytics monthly: budget exceeded`, 'GREATER_THAN_OR_EQUAL', { value: { double_value: 1000 } }],
    ]);
    expect(posts[0]!.query_text).toContain("date_trunc('month', current_timestamp())");
    expect(Object.keys(budget.databricksAlertIds).sort()).toEqual(['exceeded', 'warning']);
  });

  it('lists only its own alerts (all pages), with their Databricks state', async () => {
    const items = await listRules(ctx, viewer);
    const gets = ws.seen.filter((s) => s.path === '/api/2.0/alerts' && s.method === 'GET');
    expect(gets.map((g) => g.query.get('page_token'))).toEqual([null, 'page-2']);
    expect(gets[0]!.query.get('page_size')).toBe('100');
    expect(AlertV2.parse(fixture('alerts-v2-list.json').results[0])).toBeTruthy();
    expect(ruleIdOf(AlertV2.parse(fixture('alerts-v2-list.json').results[0]))).toBeNull();
    expect(items.length).toBeGreaterThanOrEqual(4);
    for (const item of items) expect(item.workspace).toMatchObject({ alertId: expect.stringMatching(/^alert-/), paused: false });
  });

  it('lists the workspace\'s notification destinations', async () => {
    expect(await listDestinations(ctx)).toEqual([
      { id: 'fe25e731-92f2-4838-9fb2-1ca364320a3d', name: 'My slack destination', type: 'SLACK' },
      { id: '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9', name: 'On-call webhook', type: 'WEBHOOK' },
    ]);
  });

  it('keeps nothing when Databricks refuses the alert, and says why', async () => {
    ws.failOnce(400, { error_code: 'INVALID_PARAMETER_VALUE', message: 'Warehouse a7066a8ef796be84 does not exist' });
    const before = (await ctx.store.list('rule')).length;
    await expect(createRule(ctx, viewer, { ...P95, name: 'refused' })).rejects.toThrow(DatabricksApiError);
    expect((await ctx.store.list('rule')).length).toBe(before);
    ws.failOnce(400, { error_code: 'INVALID_PARAMETER_VALUE', message: 'Warehouse a7066a8ef796be84 does not exist' });
    const err = await createRule(ctx, viewer, { ...P95, name: 'refused again' }).catch((e: DatabricksApiError) => e);
    expect(err).toMatchObject({ status: 400, errorCode: 'INVALID_PARAMETER_VALUE', message: 'Databricks answered 400 INVALID_PARAMETER_VALUE: Warehouse a7066a8ef796be84 does not exist' });
    expect((await ctx.store.list('rule')).length).toBe(before);
  });

  it('writes schedules as quartz expressions', () => {
    expect([1, 5, 30, 60, 120, 720, 1440].map(quartzEvery)).toEqual(['0 0/1 * * * ?', '0 0/5 * * * ?', '0 0/30 * * * ?', '0 0 * * * ?', '0 0 0/2 * * ?', '0 0 0/12 * * ?', '0 0 0 * * ?']);
  });
});
