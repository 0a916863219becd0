import { describe, expect, it } from 'vitest';
import { overheadRatio, percentile, summarise } from './stats';

describe('percentile', () => {
  it('matches numpy.percentile (linear) on small samples', () => {
    // numpy.percentile([1,2,3,4], [50, 95]) → [2.5, 3.85]
    expect(percentile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(percentile([4, 1, 3, 2], 0.95)).toBeCloseTo(3.85, 10);
    // numpy.percentile([10, 20, 30, 40, 1000], 95) → 808.0
    expect(percentile([10, 20, 30, 40, 1000], 0.95)).toBeCloseTo(808, 10);
  });

  it('returns the value itself for one sample and null for none', () => {
    expect(percentile([7], 0.95)).toBe(7);
    expect(percentile([], 0.5)).toBeNull();
  });

  it('ignores non-finite values and rejects p outside 0..1', () => {
    expect(percentile([NaN, 5, Infinity, 1], 0.5)).toBe(3);
    expect(() => percentile([1], 1.5)).toThrow(RangeError);
  });

  it('does not reorder the caller’s array', () => {
    const v = [3, 1, 2];
    percentile(v, 0.5);
    expect(v).toEqual([3, 1, 2]);
  });
});

describe('summarise', () => {
  it('reports count, p50, p95, min and max', () => {
    expect(summarise([5, 1, 3])).toEqual({ n: 3, p50: 3, p95: 4.8, min: 1, max: 5 });
  });

  it('is all null on no data', () => {
    expect(summarise([])).toEqual({ n: 0, p50: null, p95: null, min: null, max: null });
  });
});

describe('overheadRatio', () => {
  it('divides route time by engine time', () => {
    expect(overheadRatio(120, 100)).toBeCloseTo(1.2, 10);
  });

  it('is null when a side is missing or the engine time is zero', () => {
    expect(overheadRatio(null, 100)).toBeNull();
    expect(overheadRatio(100, null)).toBeNull();
    expect(overheadRatio(100, 0)).toBeNull();
  });
});
