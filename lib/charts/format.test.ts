import { describe, expect, it } from 'vitest';
import { formatChange, formatCost, formatCount, formatMoney, formatMs, formatMsDiff, formatMsTick, formatPercent, formatRate, formatShare, formatTokens } from './format';

describe('formatting', () => {
  it('gives latency its unit', () => {
    expect(formatMs(894)).toBe('894 ms');
    expect(formatMs(1708)).toBe('1.71 s');
    expect(formatMs(42_130)).toBe('42.1 s');
    expect(formatMs(125_000)).toBe('2 min 5 s');
    expect(formatMs(null)).toBe('–');
    expect(formatMsDiff(-1200)).toBe('−1.2 s');
    expect(formatMs(1000)).toBe('1 s');
    expect(formatMsDiff(814)).toBe('+814 ms');
    // Axis ticks stay on one line: no "1 min 40 s".
    expect([500, 1500, 75_000, 100_000, 900_000].map(formatMsTick)).toEqual(['500 ms', '1.5 s', '75 s', '100 s', '15 min']);
  });

  it('keeps small rates visible and shares short', () => {
    expect(formatPercent(0.0302)).toBe('3.0%');
    expect(formatPercent(0.0004)).toBe('0.04%');
    expect(formatPercent(0)).toBe('0.0%');
    expect(formatShare(0)).toBe('0%');
    expect(formatShare(0.0004)).toBe('<0.1%');
    expect(formatShare(0.5)).toBe('50%');
    expect(formatShare(0.042)).toBe('4.2%');
    expect(formatChange(0.123)).toBe('+12%');
    expect(formatChange(-0.034)).toBe('−3.4%');
    expect(formatChange(null)).toBeNull();
  });

  it('counts, rates and tokens', () => {
    expect(formatCount(1234)).toBe('1,234');
    expect(formatCount(123_456)).toBe('123.5K');
    expect(formatRate(0.456)).toBe('0.46');
    expect(formatTokens(1234567)).toBe('1,234,567');
    expect(formatTokens(1234567, true)).toBe('1.2M');
    expect(formatCount(undefined)).toBe('–');
  });

  it('formats money with enough digits for small amounts and never shows an unpriced model as free', () => {
    expect(formatMoney(12345.678, 'USD')).toBe('$12,345.68');
    expect(formatMoney(0.001629, 'USD')).toBe('$0.001629');
    expect(formatMoney(3, 'EUR')).toBe('€3.00');
    expect(formatCost(null)).toBe('unpriced');
    expect(formatCost(0.00123)).toBe('$0.00123');
  });
});
