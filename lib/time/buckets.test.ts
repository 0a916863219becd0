import { describe, expect, it } from 'vitest';
import { bucketRange, chooseBucket, minutesInWindow } from './buckets';

const H = 3_600_000;

describe('chooseBucket', () => {
  it.each([
    [15 * 60_000, 'minute'],
    [6 * H, 'minute'],
    [6 * H + 1, 'hour'],
    [7 * 24 * H, 'hour'],
    [14 * 24 * H, 'hour'],
    [30 * 24 * H, 'day'],
  ])('%d ms → %s', (ms, bucket) => expect(chooseBucket(ms)).toBe(bucket));
});

describe('bucketRange and minutesInWindow', () => {
  const start = Date.parse('2026-11-22T10:30:00Z');
  const end = Date.parse('2026-11-22T13:15:00Z');

  it('lists every UTC bucket touching the window', () => {
    expect(bucketRange(start, end, 'hour').map((t) => new Date(t).toISOString().slice(11, 16))).toEqual(['10:00', '11:00', '12:00', '13:00']);
  });

  it('counts only the minutes of partial buckets inside the window', () => {
    const [first, second, , last] = bucketRange(start, end, 'hour');
    expect(minutesInWindow(first!, 'hour', start, end)).toBe(30);
    expect(minutesInWindow(second!, 'hour', start, end)).toBe(60);
    expect(minutesInWindow(last!, 'hour', start, end)).toBe(15);
  });
});
