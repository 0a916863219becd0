import { describe, expect, it } from 'vitest';
import { prepareCompare } from './prepare-compare';
import type { EntityRow, HistogramRow } from './types';
import { verdictOf } from './verdict';

const row = (key: string, patch: Partial<EntityRow> = {}): EntityRow => ({
  endpoint_name: 'chat', group_key: key, served_entity_name: key, entity_name: `model-${key}`, entity_type: 'EXTERNAL_MODEL',
  served_entities: 1, requests: 1000, sampled_rows: 1000, error_rows: 20, server_error_rows: 5, blocked_rows: 10, latency_rows: 980,
  p50_ms: 100, p95_ms: 300, p99_ms: 500, mean_input_tokens: 200, mean_output_tokens: 80, output_tokens_per_second: 50, usage_rows: 1000, ...patch,
});
const hist = (key: string, n: number, from: number, span: number): HistogramRow[] =>
  Array.from({ length: span }, (_, i) => ({ endpoint_name: 'chat', group_key: key, bin: from + i, sampled_rows: Math.max(1, Math.round(n / span)), min_ms: from + i, max_ms: from + i }));
const verdicts = (p: ReturnType<typeof prepareCompare>) => p.comparisons.map((c) => verdictOf(c, p.entities.find((e) => e.key === c.key)!, p.baseline!));

describe('verdictOf', () => {
  it('says in one line what differs: slower, more errors, dearer', () => {
    const rows = [row('gpt-4o', { requests: 2000, error_rows: 10, p95_ms: 300 }), row('claude', { error_rows: 60, p95_ms: 600 })];
    const p = prepareCompare(rows, [...hist('gpt-4o', 1000, 50, 100), ...hist('claude', 1000, 100, 200)], { endpoint: 'chat', costs: new Map([['gpt-4o', 0.002], ['claude', 0.005]]) });
    const [v] = verdicts(p);
    expect(v).toMatchObject({ latency: 'slower', errors: 'more errors', cost: 'dearer' });
    expect(v!.sentence).toMatch(/^claude vs gpt-4o: slower \(p95 \+[^)]+\), more errors, dearer \(2\.5× the cost per request\)\.$/);
  });

  it('says where it sees no difference and where the data cannot tell', () => {
    const rows = [row('a'), row('b', { sampled_rows: 12, error_rows: 0, latency_rows: 12 })];
    const p = prepareCompare(rows, [...hist('a', 1000, 50, 100), ...hist('b', 12, 50, 12)], { endpoint: 'chat' });
    expect(verdicts(p)[0]!.sentence).toBe('b vs a: not enough data to tell.');
    const same = prepareCompare([row('a'), row('b')], [...hist('a', 1000, 50, 100), ...hist('b', 1000, 50, 100)], { endpoint: 'chat', costs: new Map([['a', 0.002], ['b', 0.0021]]) });
    expect(verdicts(same)[0]!.sentence).toBe('b vs a: no clear difference in latency, errors and cost.');
  });

  it('mixes findings with what it cannot tell, cheaper included', () => {
    const rows = [row('a', { error_rows: 0 }), row('b', { error_rows: 0, p95_ms: 150 })];
    const p = prepareCompare(rows, [...hist('a', 1000, 100, 200), ...hist('b', 1000, 50, 100)], { endpoint: 'chat', costs: new Map([['a', 0.004], ['b', 0.001]]) });
    const [v] = verdicts(p);
    expect(v).toMatchObject({ latency: 'faster', errors: 'not enough data', cost: 'cheaper' });
    expect(v!.sentence).toMatch(/^b vs a: faster \(p95 −[^)]+\), cheaper \(75% less per request\); not enough data on errors\.$/);
  });
});
