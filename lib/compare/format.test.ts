import { describe, expect, it } from 'vitest';
import { formatCost, formatDifference, formatMs, formatMsDiff, formatP, formatPct, formatPp } from './format';

describe('compare formatting', () => {
  it('gives latency units', () => {
    expect(formatMs(894)).toBe('894 ms');
    expect(formatMs(1708)).toBe('1.71 s');
    expect(formatMs(null)).toBe('–');
    expect(formatMsDiff(-1200)).toBe('−1.20 s');
    expect(formatMsDiff(814)).toBe('+814 ms');
  });

  it('formats rates, differences and p-values', () => {
    expect(formatPct(0.0302)).toBe('3.0%');
    expect(formatPct(0.0045)).toBe('0.45%');
    expect(formatPct(0)).toBe('0.0%');
    expect(formatPp(-0.0098)).toBe('−0.98 pp');
    expect(formatDifference({ diff: 0.01, lo: -0.002, hi: 0.02 }, formatPp)).toBe('+1.00 pp (95% CI −0.20 pp to +2.00 pp)');
    expect(formatP(1e-9)).toBe('< 0.0001');
    expect(formatP(0.0123)).toBe('0.012');
    expect(formatP(0.004)).toBe('0.0040');
  });

  it('never shows an unpriced model as free', () => {
    expect(formatCost(null)).toBe('unpriced');
    expect(formatCost(0.00123)).toBe('$0.00123');
  });
});
