import { expect } from 'vitest';
import type { Row } from '@/lib/warehouse/types';

/** Rows in a canonical order: ORDER BY ties may come back either way on different plans. */
const canonical = (rows: Row[]) => [...rows].sort((a, b) => {
  const key = (r: Row) => JSON.stringify(Object.values(r).map((v) => (typeof v === 'number' ? Number(v.toPrecision(9)) : v)));
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
});

/**
 * Comparing two empty answers proves nothing: every case must return rows, and some figure in them
 * must be non-zero (an aggregate over nothing is one row of zeros).
 */
export function expectInformative(rows: Row[], what: string) {
  expect(rows.length, `${what}: no rows`).toBeGreaterThan(0);
  expect(rows.some((r) => Object.values(r).some((v) => typeof v === 'number' && v !== 0)), `${what}: only zeros`).toBe(true);
}

/** The same rows; sums of doubles may differ in the last bits with the order of addition. */
export function expectSameRows(actualRows: Row[], expectedRows: Row[]) {
  const actual = canonical(actualRows);
  const expected = canonical(expectedRows);
  expect(actual.length).toBe(expected.length);
  actual.forEach((row, i) => {
    const want = expected[i]!;
    expect(Object.keys(row)).toEqual(Object.keys(want));
    for (const [k, v] of Object.entries(row)) {
      const w = want[k];
      if (typeof v === 'number' && typeof w === 'number') expect(v).toBeCloseTo(w, Math.max(0, 9 - Math.ceil(Math.log10(Math.abs(w) + 1))));
      else expect(v).toEqual(w);
    }
  });
}

