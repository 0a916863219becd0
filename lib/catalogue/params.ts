import { z } from 'zod';

/**
 * A whole number from a query string: digits only, so `0x10`, `1e3`, ` 7` and an empty value are
 * refused rather than read as 16, 1000, 7 and 0.
 */
export function intParam(min: number, max: number) {
  const digits = min < 0 ? /^-?\d{1,15}$/ : /^\d{1,15}$/;
  return z.string().regex(digits, 'expected a whole number (digits only)').transform(Number)
    .pipe(z.number().min(min, `expected at least ${min}`).max(max, `expected at most ${max}`));
}

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?$/;

/** Whether `YYYY-MM-DD hh:mm:ss[.f]` names a real instant (no 30 February, no 24:00). */
export function isCalendarTimestamp(v: string): boolean {
  const m = TIMESTAMP.exec(v);
  if (!m) return false;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const t = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d && t.getUTCHours() === h && t.getUTCMinutes() === mi && t.getUTCSeconds() === s;
}
