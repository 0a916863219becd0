import { describe, expect, it } from 'vitest';
import { formatCount } from '@/lib/charts/format';
import { pointLines } from '@/lib/charts/point-lines';
import { prepareSpendDaily, spendDailySeries, type SpendDailyRow } from './prepare-spend-daily';

const r = (day: string, series: string, rank: number, cost: number | null, unpriced = 0): SpendDailyRow => ({ day, series, series_rank: rank, cost, tokens: 1, unpriced_tokens: unpriced, requests: 1 });
const win = { start: '2026-11-01T12:00:00.000Z', end: '2026-11-06T12:00:00.000Z' };

describe('prepareSpendDaily', () => {
  it('gives every UTC day of the window a point, zero spend on days without traffic, partial ends marked', () => {
    const p = prepareSpendDaily([r('2026-11-02', 'acme', 1, 2), r('2026-11-04', 'acme', 1, 3)], win);
    expect(p.points.map((x) => x.day)).toEqual(['2026-11-01', '2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06']);
    expect(p.points.map((x) => x.total)).toEqual([0, 2, 0, 3, 0, 0]);
    expect(p.points.map((x) => x.partial)).toEqual([true, false, false, false, false, true]);
  });

  it('orders series by rank with (other) last, using positional keys safe for dotted values', () => {
    const p = prepareSpendDaily([r('2026-11-02', '(other)', 9, 1), r('2026-11-02', 'b.c', 2, 1), r('2026-11-02', 'a', 1, 1)], win);
    expect(p.series.map((s) => [s.key, s.label])).toEqual([['s0', 'a'], ['s1', 'b.c'], ['s2', '(other)']]);
    expect(p.points[1]!.s1).toBe(1);
  });

  it('finds the peak day against the median of the other complete days', () => {
    const rows = ['02', '03', '04', '05'].map((d, i) => r(`2026-11-${d}`, 'acme', 1, i === 2 ? 40 : 2 + i));
    const p = prepareSpendDaily(rows, win);
    expect(p.peak).toEqual({ day: '2026-11-04', total: 40, medianOther: 3, ratio: 40 / 3 });
  });

  it('keeps unpriced spend out of the totals and reports its tokens', () => {
    const p = prepareSpendDaily([r('2026-11-02', 'agent', 1, null, 500)], win);
    expect(p.anyPriced).toBe(false);
    expect(p.totalCost).toBe(0);
    expect(p.unpricedTokens).toBe(500);
    expect(p.peak).toBeNull();
  });
});

describe('spendDailySeries', () => {
  it('draws each UTC day as a bucket with stacked values, its total and unpriced tokens read out but not drawn', () => {
    const p = prepareSpendDaily([r('2026-11-02', 'acme', 1, 2, 10), r('2026-11-02', 'globex', 2, 1)], win);
    const { data, marks } = spendDailySeries(p, win);
    expect(data.bucket).toBe('day');
    expect(data.points[1]).toEqual({ t: Date.parse('2026-11-02T00:00:00Z'), total: 3, unpriced: 10, s0: 2, s1: 1 });
    expect(data.domain).toEqual([Date.parse('2026-11-01T00:00:00Z'), Date.parse(win.end)]);
    expect(marks.filter((m) => !m.hidden).map((m) => [m.dataKey, m.stackId])).toEqual([['s0', 'spend'], ['s1', 'spend']]);
    expect(marks.find((m) => m.dataKey === 'unpriced')!.format!(12_345)).toBe('12.3K');
  });

  it('reads a day out as its values, then the total and unpriced tokens, which are no value of the dimension', () => {
    const p = prepareSpendDaily([r('2026-11-02', 'acme', 1, 2, 90_000), r('2026-11-02', 'globex', 2, 1)], win);
    const { data, marks } = spendDailySeries(p, win);
    const lines = pointLines(data.points[1]!, data.series, marks, { left: { label: 'USD', format: formatCount } });
    expect(lines.map((l) => [l.series, l.ofSeries])).toEqual([['acme', true], ['globex', true], ['total', false], ['unpriced', false]]);
  });
});
