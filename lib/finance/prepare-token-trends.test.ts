import { describe, expect, it } from 'vitest';
import { prepareTokenTrends, tokenTrendSeries, type TokenTrendRow } from './prepare-token-trends';

const row = (day: string, series: string, rank: number, ai: number, pi: number, ao: number, po: number): TokenTrendRow => ({
  day, series, series_rank: rank, requests: 1, sampled_rows: 1, avg_input_tokens: ai, p95_input_tokens: pi, avg_output_tokens: ao, p95_output_tokens: po,
});

describe('prepareTokenTrends', () => {
  it('splits average and p95 into separate lines for the chosen direction, gaps where there is no traffic', () => {
    const { series, points } = prepareTokenTrends(
      [row('2026-11-01', 'acme', 1, 100, 300, 10, 30), row('2026-11-03', 'acme', 1, 120, 310, 12, 33), row('2026-11-01', '(other)', 5, 50, 90, 5, 9)],
      'output',
      { start: '2026-11-01T00:00:00.000Z', end: '2026-11-04T00:00:00.000Z' },
    );
    expect(series.map((s) => s.label)).toEqual(['acme', '(other)']);
    expect(points.map((p) => p.s0_avg)).toEqual([10, null, 12]);
    expect(points.map((p) => p.s0_p95)).toEqual([30, null, 33]);
    expect(points.map((p) => p.s1_p95)).toEqual([9, null, null]);
  });
});

describe('tokenTrendSeries', () => {
  it('draws each day as a bucket, the average solid and the p95 dashed, gaps kept', () => {
    const win = { start: '2026-11-01T00:00:00.000Z', end: '2026-11-03T00:00:00.000Z' };
    const prepared = { series: [{ key: 's0', label: 'acme', color: 'c' }], points: [{ t: Date.parse(win.start), day: '2026-11-01', s0_avg: 10, s0_p95: 30 }, { t: Date.parse('2026-11-02T00:00:00Z'), day: '2026-11-02', s0_avg: null, s0_p95: null }] };
    const { data, marks } = tokenTrendSeries(prepared, win);
    expect(data.points).toEqual([{ t: Date.parse(win.start), s0_avg: 10, s0_p95: 30 }, { t: Date.parse('2026-11-02T00:00:00Z'), s0_avg: null, s0_p95: null }]);
    expect(marks.map((m) => [m.dataKey, m.dashed ?? false])).toEqual([['s0_avg', false], ['s0_p95', true]]);
  });
});
