import { describe, expect, it } from 'vitest';
import { stillArrivingWindow } from '@/lib/time/freshness';
import { formatAge, freshnessOf } from './prepare-freshness';

const now = Date.parse('2026-11-22T15:00:00Z');

describe('freshness', () => {
  it('grades the newest row by age: fresh, still arriving, stale', () => {
    expect(freshnessOf('chat', '2026-11-22T14:55:00Z', now)).toMatchObject({ status: 'fresh', ageMs: 5 * 60_000 });
    expect(freshnessOf('chat', '2026-11-22T14:10:00Z', now).status).toBe('arriving');
    expect(freshnessOf('chat', '2026-11-22T10:00:00Z', now).status).toBe('stale');
    expect([formatAge(4 * 60_000), formatAge(125 * 60_000), formatAge(76 * 3_600_000)]).toEqual(['4 min', '2 h 05 min', '3 d 4 h']);
  });

  it('the still-arriving window is the last hour of a live range and absent from a closed one', () => {
    expect(stillArrivingWindow({ start: now - 86_400_000, end: now }, now)).toEqual({ from: now - 3_600_000, to: now });
    expect(stillArrivingWindow({ start: now - 1_800_000, end: now }, now)).toEqual({ from: now - 1_800_000, to: now });
    expect(stillArrivingWindow({ start: now - 3 * 86_400_000, end: now - 2 * 86_400_000 }, now)).toBeNull();
  });
});
