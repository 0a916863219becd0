import { describe, expect, it } from 'vitest';
import { histogramEdges, prepareHistogram } from './prepare-histogram';

describe('prepareHistogram', () => {
  it('fills empty bins between the lowest and highest with zeros and labels them with units', () => {
    const bars = prepareHistogram([
      { bin: 8, lower_ms: 103.5, upper_ms: 185.2, requests: 5, sampled_rows: 1 },
      { bin: 12, lower_ms: 1054, upper_ms: 1886, requests: 2, sampled_rows: 2 },
    ]);
    expect(bars.map((b) => b.requests)).toEqual([5, 0, 0, 0, 2]);
    expect(bars[0]!.range).toBe('104 ms – 185 ms');
    expect(bars[4]!.label).toBe('1.05 s');
    expect(prepareHistogram([])).toEqual([]);
  });

  it('uses the edges the query computes: 29 latency bins of 1/50 in natural log each, bar -1 below 1 ms', () => {
    expect(histogramEdges(-1)).toEqual([0, 1]);
    expect(histogramEdges(0)[0]).toBe(1);
    expect(histogramEdges(0)[1]).toBeCloseTo(Math.exp(0.58), 12);
    // A duration falls in the bar of floor(floor(ln(ms) × 50) / 29).
    for (const ms of [1, 2, 17, 100, 999, 1000, 12_345, 60_000]) {
      const bar = Math.floor(Math.floor(Math.log(ms) * 50) / 29);
      const [lo, hi] = histogramEdges(bar);
      expect(ms).toBeGreaterThanOrEqual(lo);
      expect(ms).toBeLessThan(hi);
    }
  });
});
