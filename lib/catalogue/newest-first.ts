import { parseSqlTimestamp, sqlTimestamp } from './filters';
import type { Params } from '@/lib/warehouse/types';

/**
 * The parts of a window a newest-first page is looked for in, newest first: the last 1/64 of it,
 * then the last 1/8, then all of it. A page that fills from a slice holds the same rows as the
 * whole window's first page (every row of the slice is newer than every row outside it), so a
 * common keyword reads a few hours instead of a month, and a rare one reads about 14% more than
 * the whole window once. Slices start on whole hours (the engines skip the older row groups and
 * files by their min/max times); one that would start within the first hour is the whole window.
 */
export const NEWEST_FIRST_FRACTIONS = [1 / 64, 1 / 8] as const;

const HOUR = 3_600_000;

/** The bound parameters of each attempt: narrowed windows, then the given parameters. */
export function newestFirstAttempts(params: Params): Params[] {
  const start = parseSqlTimestamp(params.start_time);
  const end = parseSqlTimestamp(params.end_time);
  if (!start || !end || end <= start) return [params];
  const attempts: Params[] = [];
  let previous = end.getTime();
  for (const fraction of NEWEST_FIRST_FRACTIONS) {
    const from = Math.floor((end.getTime() - (end.getTime() - start.getTime()) * fraction) / HOUR) * HOUR;
    if (from <= start.getTime() + HOUR || from >= previous) continue;
    previous = from;
    const at = new Date(from);
    attempts.push({ ...params, start_time: sqlTimestamp(at), start_date: at.toISOString().slice(0, 10) });
  }
  // Oldest slice last: a page found in none of them is the whole window's.
  return [...attempts, params];
}

/** Words for the plan: where a newest-first page was found. */
export function newestFirstReason(used: Params, given: Params, attempts: number): string {
  if (used === given) return attempts > 1 ? `newest first: the newest slices did not fill the page, so the whole window was read (${attempts} statements)` : 'newest first: the window is too short to slice';
  const start = parseSqlTimestamp(used.start_time)!;
  const end = parseSqlTimestamp(used.end_time)!;
  const hours = Math.round((end.getTime() - start.getTime()) / HOUR);
  return `newest first: the page filled from the newest ${hours} h of the window (from ${start.toISOString()}), so older rows were not read`;
}
