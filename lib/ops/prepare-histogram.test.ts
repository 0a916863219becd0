import { describe, expect, it } from 'vitest';
import { prepareHistogram } from './prepare-histogram';

describe('prepareHistogram', () => {
  it('fills empty bins between the lowest and highest with zeros and labels them with units', () => {
    const bars = prepareHistogram([
      { bin: 8, lower_ms: 100, upper_ms: 177.8, requests: 5, sampled_rows: 1 },
      { bin: 12, lower_ms: 1000, upper_ms: 1778, requests: 2, sampled_rows: 2 },
    ]);
    expect(bars.map((b) => b.requests)).toEqual([5, 0, 0, 0, 2]);
    expect(bars[0]!.range).toBe('100 ms – 178 ms');
    expect(bars[4]!.label).toBe('1 s');
    expect(prepareHistogram([])).toEqual([]);
  });
});
