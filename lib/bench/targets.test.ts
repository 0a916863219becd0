import { describe, expect, it } from 'vitest';
import { describeRouteTarget, evaluatePage, evaluateRoute } from './targets';

describe('evaluateRoute', () => {
  it('passes a chart route under 300 ms and within 1.2× of the engine', () => {
    expect(evaluateRoute('chart', 250, 1.1)).toEqual({ verdict: 'PASS', reasons: [] });
  });

  it('names every missed target of a chart route', () => {
    expect(evaluateRoute('chart', 420, 1.5)).toEqual({ verdict: 'MISS', reasons: ['p50 420 ms > 300 ms', '1.50× raw > 1.2×'] });
    expect(evaluateRoute('chart', 100, 1.21).reasons).toEqual(['1.21× raw > 1.2×']);
  });

  it('does not judge the ratio when the engine time is unknown', () => {
    expect(evaluateRoute('chart', 100, null).verdict).toBe('PASS');
  });

  it('holds search to 1 s and detail to 100 ms, without a ratio', () => {
    expect(evaluateRoute('search', 900, 3).verdict).toBe('PASS');
    expect(evaluateRoute('search', 1100, null).reasons).toEqual(['p50 1100 ms > 1000 ms']);
    expect(evaluateRoute('detail', 101, null).verdict).toBe('MISS');
  });

  it('has no verdict without a successful run', () => {
    expect(evaluateRoute('chart', null, null).verdict).toBe('n/a');
  });

  it('describes the targets', () => {
    expect(describeRouteTarget('chart')).toBe('p50 ≤ 300 ms, ≤ 1.2× raw');
    expect(describeRouteTarget('detail')).toBe('p50 ≤ 100 ms');
  });
});

describe('evaluatePage', () => {
  it('passes a page drawn within 2 s with at most 250 kB of gzipped JS', () => {
    expect(evaluatePage(1500, 200 * 1024, 0).verdict).toBe('PASS');
  });

  it('misses on draw time, JS size and failed charts', () => {
    expect(evaluatePage(2500, 300 * 1024, 2).reasons).toEqual(['drawn in 2500 ms > 2000 ms', 'JS 300 kB > 250 kB gzipped', '2 charts in the error state']);
  });

  it('misses a page that never finished', () => {
    expect(evaluatePage(null, null, 0)).toEqual({ verdict: 'MISS', reasons: ['never finished drawing'] });
  });
});
