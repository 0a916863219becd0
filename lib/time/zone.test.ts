import { describe, expect, it } from 'vitest';
import { formatZonedShort, formatZonedTick, formatZonedTimestamp, zoneLabel, zoneOffsetMs, zonedBucketRange, zonedBucketStart } from './zone';

const iso = (t: number) => new Date(t).toISOString().slice(0, 16);
const at = (s: string) => Date.parse(s);

describe('zone offsets', () => {
  it('follows daylight saving time', () => {
    expect(zoneOffsetMs(at('2026-07-01T12:00:00Z'), 'America/New_York')).toBe(-4 * 3_600_000);
    expect(zoneOffsetMs(at('2026-01-01T12:00:00Z'), 'America/New_York')).toBe(-5 * 3_600_000);
    expect(zoneOffsetMs(at('2026-01-01T12:00:00Z'), 'Asia/Kolkata')).toBe(5.5 * 3_600_000);
    expect(zoneOffsetMs(at('2026-01-01T12:00:00Z'), 'UTC')).toBe(0);
  });
});

describe('zoned buckets', () => {
  it('starts hours and days at the zone boundaries, returned as UTC instants', () => {
    expect(iso(zonedBucketStart(at('2026-11-22T10:10:00Z'), 'hour', 'Asia/Kolkata'))).toBe('2026-11-22T09:30');
    expect(iso(zonedBucketStart(at('2026-11-22T10:10:00Z'), 'day', 'Asia/Kolkata'))).toBe('2026-11-21T18:30');
    expect(iso(zonedBucketStart(at('2026-11-22T10:10:00Z'), 'day', 'UTC'))).toBe('2026-11-22T00:00');
    expect(iso(zonedBucketStart(at('2026-11-22T10:10:30Z'), 'minute', 'Asia/Kolkata'))).toBe('2026-11-22T10:10');
  });

  it('has 23- and 25-hour days across DST changes', () => {
    const spring = zonedBucketRange(at('2026-03-07T12:00:00Z'), at('2026-03-10T12:00:00Z'), 'day', 'America/New_York');
    expect(spring.map(iso)).toEqual(['2026-03-07T05:00', '2026-03-08T05:00', '2026-03-09T04:00', '2026-03-10T04:00']);
    const fall = zonedBucketRange(at('2026-10-31T12:00:00Z'), at('2026-11-02T12:00:00Z'), 'day', 'America/New_York');
    expect(fall.map(iso)).toEqual(['2026-10-31T04:00', '2026-11-01T04:00', '2026-11-02T05:00']);
  });

  it('lists every hour bucket touching the window', () => {
    const r = zonedBucketRange(at('2026-11-22T10:10:00Z'), at('2026-11-22T12:40:00Z'), 'hour', 'Asia/Kolkata');
    expect(r.map(iso)).toEqual(['2026-11-22T09:30', '2026-11-22T10:30', '2026-11-22T11:30', '2026-11-22T12:30']);
  });
});

describe('labels', () => {
  it('formats ticks and timestamps in the zone and names it', () => {
    const t = at('2026-11-22T18:30:00Z');
    expect(formatZonedTick(t, 'hour', 'Asia/Kolkata')).toBe('11-23');
    expect(formatZonedTick(t, 'hour', 'UTC')).toBe('11-22 18:30');
    expect(formatZonedTick(t, 'minute', 'UTC')).toBe('18:30');
    expect(formatZonedTimestamp(t, 'Asia/Kolkata')).toBe('2026-11-23 00:00 Asia/Kolkata');
    expect(zoneLabel('Asia/Kolkata', t)).toBe('Asia/Kolkata (UTC+05:30)');
    expect(zoneLabel('America/New_York', t)).toBe('America/New_York (UTC−05:00)');
    expect(zoneLabel('UTC', t)).toBe('UTC');
    expect(formatZonedShort(t, 'Asia/Kolkata')).toBe('11-23 00:00');
  });
});
