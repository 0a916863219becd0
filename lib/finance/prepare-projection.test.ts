import { describe, expect, it } from 'vitest';
import { prepareProjection } from './prepare-projection';

const days = (n: number, cost: (i: number) => number | null) =>
  Array.from({ length: n }, (_, i) => ({ day: `2026-11-${String(i + 1).padStart(2, '0')}`, cost: cost(i), unpriced_tokens: 10 }));

describe('prepareProjection', () => {
  it('adds the last 7 complete days’ average times the days left', () => {
    // 10 full days plus half of the 11th; days 4..10 cost 7 each, today so far 3.
    const rows = days(11, (i) => (i === 10 ? 3 : i >= 3 ? 7 : 1));
    const p = prepareProjection(rows, '2026-11-01', '2026-11-11T12:00:00.000Z');
    expect(p.monthToDate).toBe(3 * 1 + 7 * 7 + 3);
    expect(p.dailyRate).toBe(7);
    expect(p.daysInMonth).toBe(30);
    expect(p.projected).toBeCloseTo(55 + 7 * 19.5, 9);
    expect(p.method).toMatch(/last 7 complete UTC days/);
    expect(p.unpricedTokens).toBe(110);
  });

  it('counts a day without traffic as zero spend and refuses to project from no complete day', () => {
    const early = prepareProjection(days(1, () => 4), '2026-11-01', '2026-11-01T06:00:00.000Z');
    expect(early.projected).toBeNull();
    expect(early.monthToDate).toBe(4);
    const gap = prepareProjection([{ day: '2026-11-01', cost: 14, unpriced_tokens: 0 }], '2026-11-01', '2026-11-03T00:00:00.000Z');
    expect(gap.dailyRate).toBe(7);
  });

  it('stays unpriced (null), never $0, when nothing is priced', () => {
    const p = prepareProjection(days(5, () => null), '2026-11-01', '2026-11-05T12:00:00.000Z');
    expect(p.monthToDate).toBeNull();
    expect(p.projected).toBeNull();
  });
});
