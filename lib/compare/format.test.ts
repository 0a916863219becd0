import { describe, expect, it } from 'vitest';
import { formatPp } from '@/lib/charts/format';
import { formatDifference, formatP } from './format';

describe('compare formatting', () => {
  it('formats differences and p-values', () => {
    expect(formatPp(-0.0098)).toBe('−0.98 pp');
    expect(formatDifference({ diff: 0.01, lo: -0.002, hi: 0.02 }, formatPp)).toBe('+1.00 pp (95% CI −0.20 pp to +2.00 pp)');
    expect(formatP(1e-9)).toBe('< 0.0001');
    expect(formatP(0.0123)).toBe('0.012');
    expect(formatP(0.004)).toBe('0.0040');
  });

});
