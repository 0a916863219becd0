import { describe, expect, it } from 'vitest';
import { calendarWindow } from './calendar';
import { formatZonedInput, parseZonedInput, zonedWallToUtc } from './zone';

const at = (s: string) => Date.parse(s);
const iso = (w: { start: number; end: number }) => [new Date(w.start).toISOString(), new Date(w.end).toISOString()];

describe('calendar ranges', () => {
  const now = at('2026-11-22T12:34:20Z');

  it('start at UTC midnights and month starts in UTC', () => {
    expect(iso(calendarWindow('today', 'UTC', now))).toEqual(['2026-11-22T00:00:00.000Z', '2026-11-22T12:35:00.000Z']);
    expect(iso(calendarWindow('yesterday', 'UTC', now))).toEqual(['2026-11-21T00:00:00.000Z', '2026-11-22T00:00:00.000Z']);
    expect(iso(calendarWindow('this_month', 'UTC', now))).toEqual(['2026-11-01T00:00:00.000Z', '2026-11-22T12:35:00.000Z']);
    expect(iso(calendarWindow('last_month', 'UTC', now))).toEqual(['2026-10-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z']);
  });

  it('follow the zone: a Tokyo day starts at 15:00 UTC the day before', () => {
    expect(iso(calendarWindow('today', 'Asia/Tokyo', now))[0]).toBe('2026-11-21T15:00:00.000Z');
    expect(iso(calendarWindow('yesterday', 'Asia/Tokyo', now))).toEqual(['2026-11-20T15:00:00.000Z', '2026-11-21T15:00:00.000Z']);
  });

  it('has a 25-hour yesterday after the autumn change and a last month across a year end', () => {
    const w = calendarWindow('yesterday', 'America/New_York', at('2026-11-02T15:00:00Z'));
    expect((w.end - w.start) / 3_600_000).toBe(25);
    expect(iso(calendarWindow('last_month', 'Europe/Paris', at('2027-01-10T09:00:00Z')))).toEqual(['2026-11-30T23:00:00.000Z', '2026-12-31T23:00:00.000Z']);
  });

  it('lets today be a minute long just after midnight', () => {
    const w = calendarWindow('today', 'UTC', at('2026-11-22T00:00:10Z'));
    expect(w.end - w.start).toBe(60_000);
  });
});

describe('wall clock ↔ instant', () => {
  it('reads datetime-local values in the zone and writes them back', () => {
    expect(new Date(parseZonedInput('2026-11-22T09:30', 'Asia/Kolkata')!).toISOString()).toBe('2026-11-22T04:00:00.000Z');
    expect(formatZonedInput(at('2026-11-22T04:00:00Z'), 'Asia/Kolkata')).toBe('2026-11-22T09:30');
    expect(parseZonedInput('2026-02-30T10:00', 'UTC')).toBeNull();
    expect(parseZonedInput('banana', 'UTC')).toBeNull();
  });

  it('resolves a wall time skipped by the spring change to just after it', () => {
    const t = zonedWallToUtc({ year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, 'America/New_York');
    expect(new Date(t).toISOString()).toBe('2026-03-08T07:30:00.000Z');
  });
});
