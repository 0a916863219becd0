import { describe, expect, it } from 'vitest';
import { prepareSummary, type SummaryRow } from './prepare-summary';

const row = (token_source: SummaryRow['token_source'], o: Partial<SummaryRow>): SummaryRow => ({
  token_source, requests: 0, sampled_rows: 0, input_tokens: 0, output_tokens: 0, cost: null, priced_requests: 0, unpriced_requests: 0, unpriced_tokens: 0, ...o,
});

describe('prepareSummary', () => {
  it('says how much of the total is measured and how much estimated', () => {
    const s = prepareSummary([
      row('usage_table', { requests: 10, input_tokens: 600, output_tokens: 200, cost: 2, priced_requests: 8 }),
      row('response', { requests: 2, input_tokens: 100, output_tokens: 100, cost: 0.5, priced_requests: 2 }),
      row('estimate', { requests: 3, input_tokens: 150, output_tokens: 50, unpriced_requests: 3, unpriced_tokens: 200 }),
      row('unknown', { requests: 1, input_tokens: null, output_tokens: null }),
    ]);
    expect(s.measuredTokens).toBe(1000);
    expect(s.estimatedTokens).toBe(200);
    expect(s.measuredShare).toBeCloseTo(1000 / 1200, 9);
    expect(s.unknownRequests).toBe(1);
    expect(s.cost).toBe(2.5);
    expect(s.costPerRequest).toBe(0.25);
    expect(s.costPer1kRequests).toBe(250);
  });

  it('says how many requests were counted one by one and how many estimated from sampled rows', () => {
    // 10 requests endpoint_usage counted, and 2 logged rows at sampling 0.25 it did not (8 requests).
    const s = prepareSummary([row('usage_table', { requests: 10, sampled_rows: 10 }), row('response', { requests: 8, sampled_rows: 2 })]);
    expect(s.requests).toBe(18);
    expect(s.countedRequests).toBe(12);
    expect(s.extrapolatedRequests).toBe(6);
  });

  it('keeps cost null when nothing is priced', () => {
    const s = prepareSummary([row('estimate', { requests: 3, input_tokens: 10, unpriced_tokens: 10, unpriced_requests: 3 })]);
    expect(s.cost).toBeNull();
    expect(s.costPerRequest).toBeNull();
    expect(s.unpricedTokens).toBe(10);
  });
});
