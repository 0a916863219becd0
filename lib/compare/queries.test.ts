import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseQueryInput, runQuery } from '@/lib/catalogue/run';
import { openDemoFixture, type DemoFixture } from '@/lib/testing/demo-fixture';
import { CATALOGUE } from '@/queries';
import { binsOf, prepareCompare } from './prepare-compare';
import { totalCount } from './stats';
import type { EntityRow, HistogramRow, ShareRow, SideBySideRow } from './types';

let demo: DemoFixture;
beforeAll(async () => { demo = await openDemoFixture({ rows: 20_000, seed: 5 }); });
afterAll(async () => { await demo?.close(); });

async function rows<R>(id: string, qs: string): Promise<R[]> {
  const def = CATALOGUE[id]!;
  const r = await runQuery(def, parseQueryInput(def, new URLSearchParams(qs), demo.end, demo.config), { warehouse: demo.warehouse, config: demo.config });
  return r.rows as R[];
}

describe('compare queries on the demo', () => {
  const qs = 'range=30d&endpoint=chat_assistant';

  it('the latency histogram holds exactly the successful rows the summary counts', async () => {
    const summary = await rows<EntityRow>('compare-entities', qs);
    const hist = await rows<HistogramRow>('compare-latency-histogram', qs);
    expect(summary.map((r) => r.served_entity_name).sort()).toEqual(['claude-sonnet', 'gpt-4o', 'llama-fallback']);
    for (const s of summary) expect(totalCount(binsOf(hist, 'chat_assistant', s.group_key))).toBe(s.latency_rows);
    // Each bucket's values stay inside its ~2% log bucket.
    for (const h of hist) if (h.bin >= 0) expect(Math.floor(Math.log(h.max_ms) * 50)).toBe(h.bin);
  });

  it('share over time adds up to the summary, and the demo flags claude-sonnet slower', async () => {
    const summary = await rows<EntityRow>('compare-entities', qs);
    const share = await rows<ShareRow>('compare-share-over-time', qs);
    const total = (xs: { requests: number }[]) => xs.reduce((s, r) => s + r.requests, 0);
    expect(total(share)).toBeCloseTo(total(summary), 6);
    const prepared = prepareCompare(summary, await rows<HistogramRow>('compare-latency-histogram', qs), { endpoint: 'chat_assistant' });
    const claude = prepared.entities.find((e) => e.label === 'claude-sonnet')!;
    expect(prepared.flags[claude.key]?.map((f) => f.kind)).toContain('slower');
  });

  it('groups by a usage_context key, with requests lacking it as "(not set)"', async () => {
    const groups = await rows<EntityRow>('compare-entities', `${qs}&group_by=context&context_key=a_b_test_group`);
    expect(groups.map((g) => g.group_key)).toEqual(expect.arrayContaining(['A', 'B', 'fallback']));
    expect(groups.every((g) => g.served_entity_name === null)).toBe(true);
    const none = await rows<EntityRow>('compare-entities', `${qs}&group_by=context&context_key=no_such_key`);
    expect(none.map((g) => g.group_key)).toEqual(['(not set)']);
  });

  it('side by side pairs answers of different entities to the same last user message', async () => {
    const pairs = await rows<SideBySideRow>('compare-side-by-side', `${qs}&max_messages=3`);
    const picks = new Set(pairs.map((p) => p.pick));
    expect(picks.size).toBeGreaterThan(0);
    expect(picks.size).toBeLessThanOrEqual(3);
    for (const pick of picks) {
      const answers = pairs.filter((p) => p.pick === pick);
      expect(new Set(answers.map((a) => a.served_entity_id)).size).toBe(answers.length);
      expect(answers.length).toBeGreaterThanOrEqual(2);
      expect(new Set(answers.map((a) => a.user_text.trim().toLowerCase())).size).toBe(1);
    }
  });

  it('history keeps every change and marks one latest row per served entity', async () => {
    const history = await rows<{ served_entity_id: string; is_latest: boolean }>('compare-entity-history', qs);
    const ids = new Set(history.map((h) => h.served_entity_id));
    expect(history.length).toBeGreaterThan(ids.size);
    expect(history.filter((h) => h.is_latest).length).toBe(ids.size);
  });
});
