import { describe, expect, it } from 'vitest';
import { parsePriceBook } from '@/lib/finance/price-book-core';
import { costPerRequest, lookupPrice, priceLookupFrom } from './pricing';

const book = parsePriceBook({
  version: 't1',
  currency: 'USD',
  models: [
    { model: 'gpt-4o', match: ['gpt-4o'], prices: [
      { effective_from: '2024-05-13', input_per_1m: 5, output_per_1m: 15, taken_on: '2024-05-13' },
      { effective_from: '2024-10-01', input_per_1m: 2.5, output_per_1m: 10, taken_on: '2026-11-01' },
    ] },
    { model: 'house-model', match: ['support-agent'], prices: [{ effective_from: '2025-01-01', input_per_1m: 1, output_per_1m: 2, taken_on: '2026-11-01' }] },
  ],
});

describe('priceLookupFrom', () => {
  it('takes the price in force on the date, by model name first', () => {
    const at = (date: string) => priceLookupFrom(book, date)({ endpoint: 'chat', key: 'id', model: 'GPT-4o', name: 'x' });
    expect(at('2024-09-30')).toEqual({ inputPerMillion: 5, outputPerMillion: 15, currency: 'USD' });
    expect(at('2024-10-01')).toEqual({ inputPerMillion: 2.5, outputPerMillion: 10, currency: 'USD' });
    expect(at('2024-01-01')).toBeNull();
  });

  it('falls back to the served entity name, and leaves unknown models unpriced (null, never 0)', () => {
    const look = priceLookupFrom(book, '2026-11-22');
    expect(look({ endpoint: 'a', key: 'k', model: 'custom-v3', name: 'support-agent' })).toEqual({ inputPerMillion: 1, outputPerMillion: 2, currency: 'USD' });
    expect(look({ endpoint: 'a', key: 'k', model: 'llama', name: 'llama-fallback' })).toBeNull();
    expect(priceLookupFrom(null, '2026-11-22')).toBe(lookupPrice);
    expect(costPerRequest(null, 100, 100)).toBeNull();
    expect(costPerRequest({ inputPerMillion: 2.5, outputPerMillion: 10, currency: 'USD' }, 1000, 500)).toBeCloseTo(0.0075);
  });
});
