import { describe, expect, it } from 'vitest';
import { normaliseDecimal, normaliseRow, normaliseValue } from './normalise';

describe('normaliseValue', () => {
  it('keeps NULL as null, never 0', () => {
    expect(normaliseValue(null)).toBeNull();
    expect(normaliseValue(undefined)).toBeNull();
  });

  it('turns NaN and infinities into null', () => {
    expect(normaliseValue(Number.NaN)).toBeNull();
    expect(normaliseValue(Number.POSITIVE_INFINITY)).toBeNull();
    expect(normaliseValue(Number.NEGATIVE_INFINITY)).toBeNull();
    expect(normaliseValue(0)).toBe(0);
    expect(normaliseValue(-1.5)).toBe(-1.5);
  });

  it('writes dates as ISO strings in UTC', () => {
    expect(normaliseValue(new Date(Date.UTC(2025, 0, 2, 3, 4, 5, 6)))).toBe('2025-01-02T03:04:05.006Z');
    expect(normaliseValue(new Date(Number.NaN))).toBeNull();
  });

  it('makes bigints numbers when safe, exact strings otherwise', () => {
    expect(normaliseValue(42n)).toBe(42);
    expect(normaliseValue(BigInt(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
    expect(normaliseValue(BigInt(Number.MIN_SAFE_INTEGER))).toBe(Number.MIN_SAFE_INTEGER);
    expect(normaliseValue(9007199254740993n)).toBe('9007199254740993');
    expect(normaliseValue(-9223372036854775808n)).toBe('-9223372036854775808');
  });

  it('encodes binary as base64', () => {
    expect(normaliseValue(Buffer.from('hi!'))).toBe('aGkh');
    expect(normaliseValue(new Uint8Array([0, 255]))).toBe('AP8=');
    const view = new Uint8Array([9, 1, 2, 9]).subarray(1, 3);
    expect(normaliseValue(view)).toBe(Buffer.from([1, 2]).toString('base64'));
  });

  it('walks arrays, maps and structs', () => {
    const value = {
      tags: ['a', null, undefined],
      usage: new Map<unknown, unknown>([['team', 'ml'], [7, 3n]]),
      nested: { at: new Date(0), n: Number.NaN, deep: [{ big: 2n ** 64n }] },
    };
    expect(normaliseValue(value)).toEqual({
      tags: ['a', null, null],
      usage: { team: 'ml', 7: 3 },
      nested: { at: '1970-01-01T00:00:00.000Z', n: null, deep: [{ big: '18446744073709551616' }] },
    });
  });

  it('leaves strings alone, even numeric-looking ones', () => {
    expect(normaliseValue('007')).toBe('007');
    expect(normaliseValue('{"a":1}')).toBe('{"a":1}');
    expect(normaliseValue(true)).toBe(true);
  });

  it('is JSON-safe end to end', () => {
    const out = normaliseValue({ a: 1n, b: new Date(0), c: Buffer.from([1]), d: [Number.NaN] });
    expect(JSON.parse(JSON.stringify(out))).toEqual(out);
  });
});

describe('normaliseDecimal', () => {
  it('becomes a number', () => {
    expect(normaliseDecimal('0.070000000000000000')).toBe(0.07);
    expect(normaliseDecimal('-12.50')).toBe(-12.5);
    expect(normaliseDecimal('000123')).toBe(123);
    expect(normaliseDecimal('0')).toBe(0);
    expect(normaliseDecimal('0.000')).toBe(0);
    expect(normaliseDecimal('1E+3')).toBe(1000);
    expect(normaliseDecimal('123456789012.345')).toBe(123456789012.345);
  });

  it('becomes the nearest number when a double cannot hold every digit', () => {
    expect(normaliseDecimal('12345678901234567890.12')).toBe(12345678901234567000);
    expect(normaliseDecimal('9007199254740993')).toBe(9007199254740992);
    expect(normaliseDecimal('0.12345678901234567891')).toBe(0.12345678901234568);
  });

  it('passes through values that are not decimal text', () => {
    expect(normaliseDecimal(null)).toBeNull();
    expect(normaliseDecimal(1.25)).toBe(1.25);
    expect(normaliseDecimal(5n)).toBe(5);
    expect(normaliseDecimal('n/a')).toBe('n/a');
    expect(normaliseDecimal('')).toBe('');
    expect(normaliseDecimal('.')).toBe('.');
    expect(normaliseDecimal('1e999')).toBe('1e999');
  });
});

describe('normaliseRow', () => {
  it('treats only the named columns as decimals', () => {
    const row = { cost: '1.50', label: '1.50', tokens: 12n, at: new Date(0), missing: null };
    expect(normaliseRow(row, { decimalColumns: new Set(['cost']) })).toEqual({
      cost: 1.5,
      label: '1.50',
      tokens: 12,
      at: '1970-01-01T00:00:00.000Z',
      missing: null,
    });
  });

  it('does not mutate its input', () => {
    const row = { n: 1n };
    normaliseRow(row);
    expect(row.n).toBe(1n);
  });
});
