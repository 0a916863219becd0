import { describe, expect, it } from 'vitest';
import { loadConfig } from '@/lib/config';
import { parseLookup } from './server';

const config = loadConfig({ DEMO_DB: '/tmp/none.duckdb' });
const NOW = new Date('2026-11-22T12:34:00Z');
const days = (w: { start: Date; end: Date }) => Math.round((w.end.getTime() - w.start.getTime()) / 86_400_000);

describe('where the request detail looks for a request', () => {
  it('a day either side of `at`, when the link carries the request time', () => {
    const l = parseLookup('abc', new URLSearchParams('endpoint=chat&at=2026-11-20T10:00:00.000Z'), config, NOW);
    expect(l.windows).toEqual([{ start: new Date('2026-11-19T10:00:00Z'), end: new Date('2026-11-21T10:00:00Z') }]);
  });

  it('without a time, the newest days first, then wider, never everything at once', () => {
    const l = parseLookup('abc', new URLSearchParams('endpoint=chat'), config, NOW);
    expect(l.windows.map(days)).toEqual([2, 14, config.maxRangeDays]);
    expect(l.window).toEqual(l.windows.at(-1));
  });

  it('the range given, when there is one; a malformed `at` is refused', () => {
    expect(parseLookup('abc', new URLSearchParams('range=7d'), config, NOW).windows.map(days)).toEqual([7]);
    expect(() => parseLookup('abc', new URLSearchParams('at=yesterday'), config, NOW)).toThrow(/at/);
  });
});
