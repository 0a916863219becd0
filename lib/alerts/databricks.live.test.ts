import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '@/queries';
import { loadConfig } from '@/lib/config';
import type { ResolvedTables } from '@/lib/catalogue/tables';
import { createDatabricksWarehouse } from '@/lib/warehouse/databricks';
import { alertBody, databricksApi, ruleIdOf, warehouseIdOf } from './databricks';
import { RuleSchema } from './rules';
import { alertStatement, readOutcome } from './statement';

const env = process.env;
const live = Boolean(env.DATABRICKS_HOST && (env.DATABRICKS_WAREHOUSE_ID || env.DATABRICKS_HTTP_PATH) && (env.DATABRICKS_TOKEN || (env.DATABRICKS_CLIENT_ID && env.DATABRICKS_CLIENT_SECRET)));
const title = live
  ? 'live Databricks SQL alerts contract'
  : 'live Databricks SQL alerts contract (skipped: set DATABRICKS_HOST, DATABRICKS_WAREHOUSE_ID or DATABRICKS_HTTP_PATH, and DATABRICKS_TOKEN or DATABRICKS_CLIENT_ID + DATABRICKS_CLIENT_SECRET)';
// The statement reads inference tables: it runs only when they are named.
const withTables = live && Boolean(env.PAYLOAD_TABLES);

describe.skipIf(!live)(title, () => {
  const config = () => loadConfig({ ...env, WAREHOUSE_ENGINE: 'databricks', ...(!env.PAYLOAD_TABLES && !env.PAYLOAD_SCHEMA ? { PAYLOAD_SCHEMA: 'main.default' } : {}) });
  const api = () => databricksApi({ baseUrl: `https://${config().databricks!.host}`, auth: config().databricks!.auth });
  const tables = (): ResolvedTables => ({
    payload: config().payloadTables ?? [{ endpoint: 'chat', table: 'main.default.chat_payload' }],
    endpointUsage: config().endpointUsageTable,
    servedEntities: config().servedEntitiesTable,
  });
  const rule = RuleSchema.parse({
    id: `contract-${randomBytes(4).toString('hex')}`,
    owner: 'contract', createdAt: new Date(0).toISOString(), updatedAt: new Date(0).toISOString(),
    name: 'Gateway Lens contract test (paused, safe to delete)',
    query: 'ops-kpis', params: {}, window: { kind: 'last', minutes: 60 }, everyMinutes: 60, paused: true,
    measure: { column: 'errors', per: 'requests', aggregation: 'SUM', where: { period: 'current' } },
    condition: { op: '>', threshold: 0.5 },
  });
  let created: string | null = null;
  afterAll(async () => {
    if (created) await api().trashAlert(created);
  });

  it('creates a paused alert from a rule, reads it back, changes it, lists it as ours and trashes it', { timeout: 120_000 }, async () => {
    const body = alertBody(rule, CATALOGUE[rule.query]!, { tables: tables(), warehouseId: warehouseIdOf(config().databricks!.httpPath), parentPath: config().alerts.parentPath });
    const alert = await api().createAlert(body);
    created = alert.id;
    const read = await api().getAlert(alert.id);
    expect(read).toMatchObject({ display_name: body.display_name, query_text: body.query_text, warehouse_id: body.warehouse_id, schedule: { pause_status: 'PAUSED', quartz_cron_schedule: '0 0 * * * ?' } });
    expect(ruleIdOf(read)).toBe(rule.id);
    const changed = await api().updateAlert(alert.id, { custom_summary: 'changed by the contract test' }, ['custom_summary']);
    expect(changed.custom_summary).toBe('changed by the contract test');
    expect((await api().listOwnAlerts()).map((a) => a.id)).toContain(alert.id);
    await api().trashAlert(alert.id);
    created = null;
    expect((await api().listOwnAlerts()).map((a) => a.id)).not.toContain(alert.id);
  });

  it('lists notification destinations', { timeout: 60_000 }, async () => {
    const destinations = await api().listDestinations();
    for (const d of destinations) expect(d).toMatchObject({ id: expect.any(String), name: expect.any(String), type: expect.any(String) });
  });

  it.skipIf(!withTables)('runs the alert statement on the warehouse as the SQL alert would', { timeout: 300_000 }, async () => {
    const warehouse = createDatabricksWarehouse(config().databricks!);
    try {
      const statement = alertStatement(rule, CATALOGUE[rule.query]!, { tables: tables() });
      const { rows } = await warehouse.run(statement.sql, {});
      expect(['ok', 'triggered', 'no_data']).toContain(readOutcome(rows, rule, statement).state);
    } finally {
      await warehouse.close();
    }
  });
});
