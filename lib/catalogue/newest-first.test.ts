import { describe, expect, it } from 'vitest';
import { newestFirstAttempts, newestFirstReason } from './newest-first';

const window = (start: string, end: string) => ({ start_time: start, end_time: end, start_date: start.slice(0, 10), end_date: end.slice(0, 10), q: 'x' });

describe('newest-first slices', () => {
  it('reads the newest 1/64, then 1/8 of a month, each from a whole hour, then the whole window', () => {
    const given = window('2026-10-23 12:34:00.000', '2026-11-22 12:34:00.000');
    const attempts = newestFirstAttempts(given);
    expect(attempts.map((a) => [a.start_time, a.start_date])).toEqual([
      ['2026-11-22 01:00:00.000', '2026-11-22'],
      ['2026-11-18 18:00:00.000', '2026-11-18'],
      ['2026-10-23 12:34:00.000', '2026-10-23'],
    ]);
    // Everything else is kept: end, filters, the keyword.
    for (const a of attempts) expect({ ...a, start_time: 0, start_date: 0 }).toEqual({ ...given, start_time: 0, start_date: 0 });
    expect(attempts.at(-1)).toBe(given);
  });

  it('does not slice a window too short to save anything', () => {
    // 90 minutes: every slice would start within its first hour.
    const given = window('2026-11-22 10:00:00.000', '2026-11-22 11:30:00.000');
    expect(newestFirstAttempts(given)).toEqual([given]);
    // A day: 1/64 (22 minutes) and 1/8 (3 h) start on the hours before them; a slice never repeats.
    expect(newestFirstAttempts(window('2026-11-21 12:34:00.000', '2026-11-22 12:34:00.000')).map((a) => a.start_time)).toEqual(['2026-11-22 12:00:00.000', '2026-11-22 09:00:00.000', '2026-11-21 12:34:00.000']);
  });

  it('leaves parameters without a window alone', () => {
    const given = { q: 'x' };
    expect(newestFirstAttempts(given)).toEqual([given]);
  });

  it('says where the page was found', () => {
    const given = window('2026-10-23 12:34:00.000', '2026-11-22 12:34:00.000');
    const [first] = newestFirstAttempts(given);
    expect(newestFirstReason(first!, given, 1)).toBe('newest first: the page filled from the newest 12 h of the window (from 2026-11-22T01:00:00.000Z), so older rows were not read');
    expect(newestFirstReason(given, given, 3)).toMatch(/whole window was read \(3 statements\)/);
  });
});
