import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '@/queries';
import { planNotices } from '@/lib/charts/plan-notice';
import type { AppConfig } from '@/lib/config';
import { clearRollupState } from '@/lib/rollups/state';
import { openDemoFixture, type DemoFixture } from '@/lib/testing/demo-fixture';
import { WarehouseError, type Warehouse } from '@/lib/warehouse/types';
import { parseQueryInput, runQuery } from './run';
import { resetTableDiscovery } from './tables';

/*
 * A deployment where the app (or the viewer) cannot read a system table, or one payload table:
 * every panel that can answer without it does, says what it left out, and only a panel that is
 * nothing but that table fails, with the table named.
 */
let demo: DemoFixture;

beforeAll(async () => {
  demo = await openDemoFixture({ rows: 6_000, seed: 23 });
  clearRollupState();
});
afterAll(async () => {
  resetTableDiscovery();
  await demo?.close();
});

const withTables = (over: Partial<AppConfig>): AppConfig => ({ ...demo.config, ...over, rollups: { mode: 'off', schema: null } });

/** Runs a query; the window's extra parameters are those its own schema needs to run at all. */
async function run(id: string, config: AppConfig, opts: { warehouse?: Warehouse; token?: string; qs?: string } = {}) {
  const def = CATALOGUE[id]!;
  const qs = `range=30d${opts.qs ? `&${opts.qs}` : ''}`;
  return runQuery(def, parseQueryInput(def, new URLSearchParams(qs), demo.end, config), { warehouse: opts.warehouse ?? demo.warehouse, config, userAccessToken: opts.token });
}

/** Queries whose whole answer is one system table: without it they have nothing to say. */
const ONLY_SERVED_ENTITIES = ['compare-entity-history'];
const ONLY_USAGE = ['ops-usage-freshness', 'ops-completeness'];
const RUNNABLE = Object.keys(CATALOGUE).filter((id) => !['compare-side-by-side', 'finance-reconciliation'].includes(id));

describe('served_entities not readable', () => {
  const config = () => withTables({ servedEntitiesTable: 'demo.serving.no_such_served_entities' });

  it.each(RUNNABLE.filter((id) => !ONLY_SERVED_ENTITIES.includes(id)))('%s answers, with entities by id and the table named', async (id) => {
    const r = await run(id, config());
    const reads = r.plan.relations.some((x) => x.name === 'served_entities_latest');
    if (reads) {
      expect(r.plan.servedEntities).toBe('unreadable');
      expect([...r.plan.reasons, ...r.plan.fallbacks].join(' ')).toContain('no_such_served_entities');
      expect(planNotices(r.plan, { servedEntities: 'demo.serving.no_such_served_entities' }).join(' ')).toContain('served entities are shown by id');
    }
  });

  it('still counts and names logged traffic per endpoint; requests only endpoint_usage counted cannot be placed', async () => {
    const r = await run('requests-over-time', config(), { qs: 'split=served_entity' });
    const full = await run('requests-over-time', demo.config, { qs: 'split=served_entity' });
    const series = new Set(r.rows.map((x) => x.series));
    // Without names, series are the served entity ids; with them, the names.
    expect([...series].every((s) => /^[0-9a-f]{32}$|^\(none\)$/.test(String(s)))).toBe(true);
    expect([...new Set(full.rows.map((x) => x.series))].some((s) => /claude-sonnet|gpt-4o/.test(String(s)))).toBe(true);
    const total = (rows: Record<string, unknown>[]) => rows.reduce((s, x) => s + Number(x.requests), 0);
    expect(total(r.rows)).toBeGreaterThan(0);
    expect(total(r.rows)).toBeLessThan(total(full.rows));
  });

  it.each(ONLY_SERVED_ENTITIES)('%s fails with the table named', async (id) => {
    await expect(run(id, config())).rejects.toThrow(WarehouseError);
  });
});

describe('endpoint_usage not readable', () => {
  const config = () => withTables({ endpointUsageTable: 'demo.serving.no_such_endpoint_usage' });

  it.each(RUNNABLE.filter((id) => !ONLY_USAGE.includes(id)))('%s answers from the payload tables, the table named', async (id) => {
    const r = await run(id, config());
    if (r.plan.relations.some((x) => x.name === 'usage_rows' || x.name === 'unlogged_requests')) {
      expect(r.plan.endpointUsage).toBe('unreadable');
      expect(planNotices(r.plan).join(' ')).toContain('tokens and usage_context come from the payload tables');
    }
  });

  it.each(ONLY_USAGE)('%s fails with the table named', async (id) => {
    await expect(run(id, config())).rejects.toThrow(/exist|no_such_endpoint_usage/i);
  });
});

describe('a viewer who can read one payload table only', () => {
  /** The warehouse as that viewer: any statement touching the other payload tables is refused, as Unity Catalog would. */
  const asViewer = (): Warehouse => ({
    engine: demo.warehouse.engine,
    run: async (sql, params, options) => {
      if (options?.userAccessToken) {
        for (const table of ['demo.inference.support_agent_payload', 'demo.inference.doc_embeddings_payload']) {
          if (sql.includes(table)) throw new WarehouseError(`[INSUFFICIENT_PERMISSIONS] Insufficient privileges: User does not have SELECT on Table '${table}'.`, 'permission');
        }
      }
      return demo.warehouse.run(sql, params, options);
    },
    close: async () => undefined,
  });

  it('sees their endpoint, the others left out and named', async () => {
    const r = await run('requests-over-time', demo.config, { warehouse: asViewer(), token: 'viewer-token', qs: 'split=endpoint' });
    expect(new Set(r.rows.map((x) => x.series))).toEqual(new Set(['chat_assistant']));
    expect(r.plan.skippedPayload.sort()).toEqual(['demo.inference.doc_embeddings_payload', 'demo.inference.support_agent_payload']);
    expect(r.plan.identity).toBe('viewer');
    expect(planNotices(r.plan)).toHaveLength(2);
  });

  it('gets the refusal itself for a panel filtered to an endpoint they cannot read', async () => {
    await expect(run('requests-over-time', demo.config, { warehouse: asViewer(), token: 'viewer-token', qs: 'endpoint=support_agent' })).rejects.toThrow(/INSUFFICIENT_PERMISSIONS/);
  });

  it('never reads the rollup tables, which hold every endpoint', async () => {
    const r = await run('requests-over-time', { ...demo.config }, { warehouse: asViewer(), token: 'viewer-token' });
    expect(r.plan).toMatchObject({ requests: 'raw', aggregates: null });
    expect(r.plan.reasons.join(' ')).toContain('runs as the viewer');
  });
});
