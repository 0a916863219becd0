import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CATALOGUE } from '@/queries';
import type { AppConfig } from '@/lib/config';
import { clearRollupState } from '@/lib/rollups/state';
import { openDemoFixture, type DemoFixture } from '@/lib/testing/demo-fixture';
import { parseQueryInput, runQuery } from './run';
import { resetTableDiscovery } from './tables';

/*
 * In production each plan shape is rendered once and each query's parameter schema built once
 * (lib/catalogue/run.ts). What is reused must be exactly what would be made afresh, and a
 * different shape (another endpoint, a table given up) must never get another shape's statement.
 */
let demo: DemoFixture;

beforeAll(async () => {
  demo = await openDemoFixture({ rows: 3_000, seed: 29 });
  clearRollupState();
});
afterAll(async () => {
  resetTableDiscovery();
  await demo?.close();
});
afterEach(() => vi.unstubAllEnvs());

const noRollups = (over: Partial<AppConfig> = {}): AppConfig => ({ ...demo.config, ...over, rollups: { mode: 'off', schema: null } });

async function sqlOf(id: string, qs: string, config = noRollups()) {
  const def = CATALOGUE[id]!;
  const r = await runQuery(def, parseQueryInput(def, new URLSearchParams(qs), demo.end, config), { warehouse: demo.warehouse, config });
  return { sql: r.sql, rows: r.rows, plan: r.plan };
}

describe('statements and schemas made once per process', () => {
  it('renders the same statement as a fresh render, per endpoint', async () => {
    const cases = ['range=7d', 'range=7d&endpoint=chat_assistant', 'range=30d&endpoint=doc_embeddings'];
    const fresh = [];
    for (const qs of cases) fresh.push(await sqlOf('requests-over-time', qs));
    vi.stubEnv('NODE_ENV', 'production');
    for (let round = 0; round < 2; round++) {
      for (const [i, qs] of cases.entries()) {
        const again = await sqlOf('requests-over-time', qs);
        expect(again.sql).toBe(fresh[i]!.sql);
        expect(again.rows).toEqual(fresh[i]!.rows);
      }
    }
    // An endpoint is part of the statement's text: the shapes did not share one.
    expect(new Set(fresh.map((f) => f.sql)).size).toBeGreaterThan(1);
  });

  it('does not reuse a statement once a table is given up (another plan shape)', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    const readable = await sqlOf('compare-entities', 'range=30d');
    expect(readable.plan.servedEntities).toBe('read');
    const missing = 'demo.serving.no_such_served_entities';
    const unreadable = await sqlOf('compare-entities', 'range=30d', noRollups({ servedEntitiesTable: missing }));
    expect(unreadable.plan.servedEntities).toBe('unreadable');
    expect(unreadable.sql).not.toBe(readable.sql);
    expect(unreadable.sql).not.toContain(missing);
  });

  it('still refuses bad parameters with the schema built once', () => {
    vi.stubEnv('NODE_ENV', 'production');
    const def = CATALOGUE['ops-status-codes']!;
    expect(() => parseQueryInput(def, new URLSearchParams('range=7d'), demo.end, noRollups())).not.toThrow();
    expect(() => parseQueryInput(def, new URLSearchParams('range=7d&nope=1'), demo.end, noRollups())).toThrow(/nope: unknown parameter/);
    expect(() => parseQueryInput(def, new URLSearchParams('range=forever'), demo.end, noRollups())).toThrow(/range/);
  });
});
