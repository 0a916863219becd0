import { describe, expect, it } from 'vitest';
import { formatMoney, formatPercent, formatTokens } from './format';

describe('finance formatting', () => {
  it('formats money with the currency, thousands separators and enough digits for small amounts', () => {
    expect(formatMoney(12345.678, 'USD')).toBe('$12,345.68');
    expect(formatMoney(0.15, 'USD')).toBe('$0.15');
    expect(formatMoney(0.001629, 'USD')).toBe('$0.001629');
    expect(formatMoney(3, 'EUR')).toBe('€3.00');
    expect(formatMoney(null, 'USD')).toBe('–');
  });

  it('formats tokens and shares', () => {
    expect(formatTokens(1234567)).toBe('1,234,567');
    expect(formatTokens(1234567, true)).toBe('1.2M');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(0.0004)).toBe('<0.1%');
    expect(formatPercent(0.5)).toBe('50%');
    expect(formatPercent(0.042)).toBe('4.2%');
  });
});
