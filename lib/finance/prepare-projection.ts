import type { QueryRow } from '@/queries';

/** The fields a projection reads from a row of finance-month-to-date. */
export type MonthDayRow = Pick<QueryRow<'finance-month-to-date'>, 'day' | 'cost' | 'unpriced_tokens'>;

export interface Projection {
  month: string;
  monthToDate: number | null;
  /** null when there is less than one complete day to extrapolate from. */
  projected: number | null;
  dailyRate: number | null;
  rateDays: number;
  daysInMonth: number;
  elapsedDays: number;
  unpricedTokens: number;
  method: string;
}

const DAY = 86_400_000;
const RATE_DAYS = 7;

/**
 * Month-end projection: spend so far plus the average daily spend of the last (up to) 7 complete
 * UTC days times the days left. A 7-day window carries weekday/weekend swings evenly.
 */
export function prepareProjection(rows: MonthDayRow[], monthStartDate: string, windowEnd: string): Projection {
  const start = Date.parse(`${monthStartDate.slice(0, 10)}T00:00:00Z`);
  const end = Date.parse(windowEnd);
  const d = new Date(start);
  const nextMonth = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  const daysInMonth = Math.round((nextMonth - start) / DAY);
  const elapsedDays = Math.min(daysInMonth, Math.max(0, (end - start) / DAY));
  const completeDays = Math.floor(elapsedDays);
  const priced = rows.filter((r) => r.cost !== null);
  const monthToDate = priced.length ? priced.reduce((a, r) => a + (r.cost ?? 0), 0) : null;
  const costOn = new Map(rows.map((r) => [r.day.slice(0, 10), r.cost ?? 0]));
  const rateDays = Math.min(RATE_DAYS, completeDays);
  let dailyRate: number | null = null;
  if (rateDays > 0 && monthToDate !== null) {
    let total = 0;
    for (let i = completeDays - rateDays; i < completeDays; i++) total += costOn.get(new Date(start + i * DAY).toISOString().slice(0, 10)) ?? 0;
    dailyRate = total / rateDays;
  }
  const projected = dailyRate === null || monthToDate === null ? null : monthToDate + dailyRate * (daysInMonth - elapsedDays);
  return {
    month: new Date(start).toISOString().slice(0, 7),
    monthToDate,
    projected,
    dailyRate,
    rateDays,
    daysInMonth,
    elapsedDays,
    unpricedTokens: rows.reduce((a, r) => a + r.unpriced_tokens, 0),
    method: rateDays > 0
      ? `month to date + average of the last ${rateDays} complete UTC day${rateDays === 1 ? '' : 's'} × ${(daysInMonth - elapsedDays).toFixed(1)} days left`
      : 'not projected: the month has no complete day yet',
  };
}
