import { zonedBucketStart, zonedParts, zonedWallToUtc } from './zone';

/** Calendar ranges, in the reporting zone: days and months start at its midnight. */
export const CALENDAR_RANGES = ['today', 'yesterday', 'this_month', 'last_month'] as const;
export type CalendarRange = (typeof CALENDAR_RANGES)[number];

export const CALENDAR_LABEL: Record<CalendarRange, string> = { today: 'Today', yesterday: 'Yesterday', this_month: 'This month', last_month: 'Last month' };

export function isCalendarRange(range: string | undefined | null): range is CalendarRange {
  return (CALENDAR_RANGES as readonly string[]).includes(range ?? '');
}

/**
 * The window of a calendar range at `now` in the zone. Ranges that include today end where a
 * relative range does (the end of the current minute), so they move with the clock like one.
 */
export function calendarWindow(range: CalendarRange, tz: string, now: number): { start: number; end: number } {
  const liveEnd = Math.ceil((now + 1) / 60_000) * 60_000;
  const today = zonedBucketStart(now, 'day', tz);
  const p = zonedParts(now, tz);
  const monthStart = zonedWallToUtc({ year: p.year, month: p.month, day: 1 }, tz);
  switch (range) {
    case 'today':
      return { start: today, end: liveEnd };
    case 'yesterday':
      return { start: zonedBucketStart(today - 1, 'day', tz), end: today };
    case 'this_month':
      return { start: monthStart, end: liveEnd };
    case 'last_month': {
      const prev = p.month === 1 ? { year: p.year - 1, month: 12 } : { year: p.year, month: p.month - 1 };
      return { start: zonedWallToUtc({ ...prev, day: 1 }, tz), end: monthStart };
    }
  }
}
