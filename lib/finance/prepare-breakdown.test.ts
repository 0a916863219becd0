import { describe, expect, it } from 'vitest';
import { prepareBreakdown, type BreakdownRow } from './prepare-breakdown';

const row = (value: string, rank: number, cost: number | null, o: Partial<BreakdownRow> = {}): BreakdownRow => ({
  value, value_rank: rank, values_included: 1, requests: 10, sampled_rows: 10, input_tokens: 80, output_tokens: 20, estimated_tokens: 10,
  cost, currency: 'USD', cost_per_request: cost === null ? null : cost / 10, unpriced_tokens: cost === null ? 100 : 0, ...o,
});

describe('prepareBreakdown', () => {
  it('computes shares, bars, cost per 1k requests and the estimated share', () => {
    const { lines, totalCost } = prepareBreakdown([row('b', 2, 1), row('a', 1, 3), row('(other)', 3, 1, { values_included: 4 })]);
    expect(totalCost).toBe(5);
    expect(lines.map((l) => l.value)).toEqual(['a', 'b', '(other)']);
    expect(lines[0]!.costShare).toBeCloseTo(0.6, 9);
    expect(lines[1]!.bar).toBeCloseTo(1 / 3, 9);
    expect(lines[0]!.costPer1k).toBeCloseTo(300, 9);
    expect(lines[0]!.estimatedShare).toBeCloseTo(0.1, 9);
    expect(lines[2]!.drillable).toBe(false);
  });

  it('keeps unpriced values unpriced: no share, no bar, no total when nothing is priced', () => {
    const { lines, totalCost } = prepareBreakdown([row('agent', 1, null)]);
    expect(totalCost).toBeNull();
    expect(lines[0]!.costShare).toBeNull();
    expect(lines[0]!.bar).toBe(0);
    expect(lines[0]!.costPer1k).toBeNull();
  });
});
