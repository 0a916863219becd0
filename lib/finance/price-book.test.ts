import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePriceBook, priceFor, priceRows, PriceBookError } from './price-book';

const book = parsePriceBook({
  version: 't1',
  currency: 'USD',
  models: [
    {
      model: 'gpt-4o',
      match: ['gpt-4o', 'GPT-4o-2024-11-20'],
      prices: [
        { effective_from: '2024-10-01', input_per_1m: 2.5, output_per_1m: 10, taken_on: '2026-11-01' },
        { effective_from: '2024-05-13', input_per_1m: 5, output_per_1m: 15, taken_on: '2024-05-13' },
      ],
    },
  ],
});

describe('price book', () => {
  it('applies a price change only from its effective date (UTC days, half-open ranges)', () => {
    expect(priceFor(book, 'gpt-4o', '2024-09-30')?.inputPer1m).toBe(5);
    expect(priceFor(book, 'gpt-4o', '2024-10-01')?.inputPer1m).toBe(2.5);
    expect(priceFor(book, 'gpt-4o', '2026-11-22')?.outputPer1m).toBe(10);
  });

  it('leaves a model unpriced before its first price and when no name matches: null, never 0', () => {
    expect(priceFor(book, 'gpt-4o', '2024-05-12')).toBeNull();
    expect(priceFor(book, 'support-agent', '2026-11-22')).toBeNull();
    expect(priceFor(book, null, '2026-11-22')).toBeNull();
  });

  it('matches names whole and case-insensitively, never by prefix', () => {
    expect(priceFor(book, 'gpt-4o-2024-11-20', '2026-11-22')?.model).toBe('gpt-4o');
    expect(priceFor(book, 'gpt-4o-mini', '2026-11-22')).toBeNull();
  });

  it('expands to one row per name and version with the next version as the end', () => {
    const rows = priceRows(book);
    expect(rows).toHaveLength(4);
    expect(rows.filter((r) => r.match === 'gpt-4o').map((r) => [r.from, r.to])).toEqual([['2024-05-13', '2024-10-01'], ['2024-10-01', null]]);
  });

  it('refuses a name that prices two models, duplicate dates, bad dates and negative prices', () => {
    const bad = {
      version: 'x', currency: 'usd',
      models: [
        { model: 'a', match: ['m'], prices: [{ effective_from: '2025-02-30', input_per_1m: -1, output_per_1m: 1, taken_on: '2025-01-01' }] },
        { model: 'b', match: ['M'], prices: [{ effective_from: '2025-01-01', input_per_1m: 1, output_per_1m: 1, taken_on: '2025-01-01' }, { effective_from: '2025-01-01', input_per_1m: 2, output_per_1m: 2, taken_on: '2025-01-01' }] },
      ],
    };
    try {
      parsePriceBook(bad, 'bad.json');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(PriceBookError);
      const text = (err as PriceBookError).problems.join('\n');
      expect(text).toMatch(/currency/);
      expect(text).toMatch(/calendar date/);
      expect(text).toMatch(/models\.0\.prices\.0\.input_per_1m/);
    }
    // The cross-model checks run once the entries themselves are valid.
    const clash = structuredClone(bad);
    clash.currency = 'USD';
    clash.models[0]!.prices[0] = { effective_from: '2025-01-01', input_per_1m: 1, output_per_1m: 1, taken_on: '2025-01-01' };
    expect(() => parsePriceBook(clash)).toThrow(/also matches a[\s\S]*same date/);
  });

  it('ships a valid default book where every price says when it was taken', () => {
    const shipped = parsePriceBook(JSON.parse(fs.readFileSync(path.join(process.cwd(), 'config', 'price-book.json'), 'utf8')));
    expect(shipped.currency).toBe('USD');
    expect(shipped.models.length).toBeGreaterThan(5);
    for (const m of shipped.models) for (const p of m.prices) expect(p.taken_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(priceFor(shipped, 'claude-sonnet-4-5', '2026-11-01')?.outputPer1m).toBe(15);
  });
});
