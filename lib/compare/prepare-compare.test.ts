import { describe, expect, it } from 'vitest';
import { prepareCompare } from './prepare-compare';
import { verdictOf } from './verdict';
import type { EntityRow, HistogramRow } from './types';

const row = (key: string, patch: Partial<EntityRow> = {}): EntityRow => ({
  endpoint_name: 'chat', group_key: key, served_entity_name: key.toUpperCase(), entity_name: `model-${key}`, entity_type: 'EXTERNAL_MODEL',
  served_entities: 1, requests: 1000, sampled_rows: 1000, observed_rows: 1000, error_rows: 20, server_error_rows: 5, blocked_rows: 10, latency_rows: 980,
  p50_ms: 100, p95_ms: 300, p99_ms: 500, mean_input_tokens: 200, mean_output_tokens: 80, output_tokens_per_second: 50, usage_rows: 1000, ...patch,
});

/** n successful requests spread evenly over [from, from + span) ms, one bucket per ms. */
const hist = (key: string, n: number, from: number, span: number): HistogramRow[] =>
  Array.from({ length: span }, (_, i) => ({ endpoint_name: 'chat', group_key: key, bin: from + i, sampled_rows: Math.max(1, Math.round(n / span)), min_ms: from + i, max_ms: from + i }));

describe('prepareCompare', () => {
  it('with one entity there is nothing to compare and nothing to flag', () => {
    const p = prepareCompare([row('a')], hist('a', 1000, 50, 100), { endpoint: 'chat' });
    expect(p.entities).toHaveLength(1);
    expect(p.entities[0]!.share).toBe(1);
    expect(p.comparisons).toEqual([]);
    expect(p.flags).toEqual({});
  });

  it('flags the slower entity whichever side is the baseline', () => {
    const rows = [row('a', { p50_ms: 100, p95_ms: 145 }), row('b', { requests: 900, p50_ms: 200, p95_ms: 290 })];
    const h = [...hist('a', 1000, 50, 100), ...hist('b', 1000, 100, 200)];
    const byA = prepareCompare(rows, h, { endpoint: 'chat' });
    expect(byA.baseline!.key).toBe('a'); // the busiest by default
    expect(byA.flags.b).toContainEqual({ kind: 'slower', than: 'A' });
    expect(byA.flags.a).toContainEqual({ kind: 'faster', than: 'B' });
    const c = byA.comparisons[0]!;
    expect(c.latency.ok && c.latency.p50!.lo).toBeGreaterThan(0);
    const byB = prepareCompare(rows, h, { endpoint: 'chat', baseline: 'b' });
    expect(byB.baseline!.key).toBe('b');
    expect(byB.flags.b).toContainEqual({ kind: 'slower', than: 'A' });
  });

  it('says "not enough data" below the minimum sample and while histograms load', () => {
    const rows = [row('a'), row('b', { sampled_rows: 12, observed_rows: 12, error_rows: 0, latency_rows: 12 })];
    const p = prepareCompare(rows, [...hist('a', 1000, 50, 100), ...hist('b', 12, 50, 12)], { endpoint: 'chat' });
    const c = p.comparisons[0]!;
    expect(c.latency.ok).toBe(false);
    expect(!c.latency.ok && c.latency.reason).toMatch(/not enough data/);
    expect(c.errors.test.ok).toBe(false);
    expect(p.flags).toEqual({});
    expect(p.entities[1]!.latency.p99.interval).toBeNull();
    const loading = prepareCompare(rows, null, { endpoint: 'chat' });
    expect(!loading.comparisons[0]!.latency.ok && loading.comparisons[0]!.latency.reason).toMatch(/loading/);
  });

  it('handles zero errors with an interval but no test', () => {
    const p = prepareCompare([row('a', { error_rows: 0 }), row('b', { error_rows: 0 })], null, { endpoint: 'chat' });
    expect(p.entities[0]!.errorRate).toBe(0);
    expect(p.entities[0]!.errorInterval!.hi).toBeGreaterThan(0);
    const e = p.comparisons[0]!.errors;
    expect(e.test).toEqual({ ok: false, reason: 'no errors in either group' });
    expect(e.diff!.diff).toBe(0);
  });

  it('Holm-adjusts when comparing more than two entities and flags error-rate differences', () => {
    const rows = [row('a', { error_rows: 10 }), row('b', { error_rows: 60 }), row('c', { error_rows: 12 })];
    const p = prepareCompare(rows, null, { endpoint: 'chat' });
    expect(p.multiple).toBe(true);
    const [b, c] = p.comparisons;
    expect(b!.errors.test.ok && b!.errors.pAdjusted! >= b!.errors.test.p).toBe(true);
    expect(p.flags.b).toEqual([{ kind: 'more errors', than: 'A' }]);
    expect(p.flags.c).toBeUndefined();
    expect(c!.errors.pAdjusted).toBeGreaterThan(0.05);
  });

  it('shows cost as unpriced (null) without a price, and flags the dearer entity with one', () => {
    expect(prepareCompare([row('a')], null, { endpoint: 'chat' }).entities[0]!.costPerRequest).toBeNull();
    const price = ({ key }: { key: string }) => (key === 'b' ? { inputPerMillion: 3, outputPerMillion: 15, currency: 'USD' } : { inputPerMillion: 2.5, outputPerMillion: 10, currency: 'USD' });
    const p = prepareCompare([row('a'), row('b', { requests: 10 })], null, { endpoint: 'chat', price });
    expect(p.entities[1]!.costPerRequest).toBeCloseTo((200 * 3 + 80 * 15) / 1e6, 12);
    expect(p.flags.b).toContainEqual({ kind: 'dearer', than: 'A' });
  });

  it('keeps only the chosen endpoint and computes shares of its estimated requests', () => {
    const p = prepareCompare([row('a', { requests: 300 }), row('b', { requests: 100 }), { ...row('x'), endpoint_name: 'other' }], null, { endpoint: 'chat' });
    expect(p.entities.map((e) => [e.key, e.share])).toEqual([['a', 0.75], ['b', 0.25]]);
  });
});

describe('cost in every grouping', () => {
  it('takes each group\'s cost per request from priced requests when given (a usage_context group mixes models)', () => {
    const rows = [row('a', { served_entity_name: null, entity_name: null }), row('b', { served_entity_name: null, entity_name: null })];
    const p = prepareCompare(rows, null, { endpoint: 'chat', costs: new Map([['a', 0.002], ['b', 0.0046]]) });
    expect(p.entities.map((e) => [e.key, e.costPerRequest, e.costSource])).toEqual([['a', 0.002], ['b', 0.0046]].map(([k, c]) => [k, c, 'priced requests']));
    expect(p.flags.b).toContainEqual({ kind: 'dearer', than: 'a' });
    // Without priced requests for a group, the entity's own price, else unpriced.
    const partial = prepareCompare([row('a')], null, { endpoint: 'chat', costs: new Map([['a', null]]) });
    expect(partial.entities[0]).toMatchObject({ costPerRequest: null, costSource: null });
  });
});

const verdicts = (p: ReturnType<typeof prepareCompare>) => p.comparisons.map((c) => verdictOf(c, p.entities.find((e) => e.key === c.key)!, p.baseline!));

describe('verdictOf', () => {
  it('says in one line what differs: slower, more errors, dearer', () => {
    const rows = [row('gpt-4o', { requests: 2000, error_rows: 10, p95_ms: 300 }), row('claude', { error_rows: 60, p95_ms: 600 })];
    const p = prepareCompare(rows, [...hist('gpt-4o', 1000, 50, 100), ...hist('claude', 1000, 100, 200)], { endpoint: 'chat', costs: new Map([['gpt-4o', 0.002], ['claude', 0.005]]) });
    const [v] = verdicts(p);
    expect(v).toMatchObject({ latency: 'slower', errors: 'more errors', cost: 'dearer' });
    expect(v!.sentence).toMatch(/^CLAUDE vs GPT-4O: slower \(p95 \+[^)]+\), more errors, dearer \(2\.5× the cost per request\)\.$/);
  });

  it('says where it sees no difference and where the data cannot tell', () => {
    const rows = [row('a'), row('b', { sampled_rows: 12, observed_rows: 12, error_rows: 0, latency_rows: 12 })];
    const p = prepareCompare(rows, [...hist('a', 1000, 50, 100), ...hist('b', 12, 50, 12)], { endpoint: 'chat' });
    expect(verdicts(p)[0]!.sentence).toBe('B vs A: not enough data to tell.');
    const same = prepareCompare([row('a'), row('b')], [...hist('a', 1000, 50, 100), ...hist('b', 1000, 50, 100)], { endpoint: 'chat', costs: new Map([['a', 0.002], ['b', 0.0021]]) });
    expect(verdicts(same)[0]!.sentence).toBe('B vs A: no clear difference in latency, errors and cost.');
  });

  it('mixes findings with what it cannot tell, cheaper included', () => {
    const rows = [row('a', { error_rows: 0 }), row('b', { error_rows: 0, p95_ms: 150 })];
    const p = prepareCompare(rows, [...hist('a', 1000, 100, 200), ...hist('b', 1000, 50, 100)], { endpoint: 'chat', costs: new Map([['a', 0.004], ['b', 0.001]]) });
    const [v] = verdicts(p);
    expect(v).toMatchObject({ latency: 'faster', errors: 'not enough data', cost: 'cheaper' });
    expect(v!.sentence).toMatch(/^B vs A: faster \(p95 −[^)]+\), cheaper \(75% less per request\); not enough data on errors\.$/);
  });
});
