import { describe, expect, it } from 'vitest';
import { isKnownTimeZone } from '@/lib/time/zone';
import { bindBucket, timeZoneParam } from './params';
import { keywordParams, keywordsParam, parseKeywords } from './keywords';

const H = 3_600_000;
const win = (ms: number) => ({ start: new Date(0), end: new Date(ms) });

describe('bucket choice', () => {
  it('uses minutes up to 6 hours, hours up to 14 days, days beyond, unless one is asked for', () => {
    expect(bindBucket({ tz: 'UTC' }, win(H)).bucket).toBe('minute');
    expect(bindBucket({ tz: 'UTC' }, win(6 * H)).bucket).toBe('minute');
    expect(bindBucket({ tz: 'UTC' }, win(24 * H)).bucket).toBe('hour');
    expect(bindBucket({ tz: 'UTC' }, win(14 * 24 * H)).bucket).toBe('hour');
    expect(bindBucket({ tz: 'UTC' }, win(30 * 24 * H)).bucket).toBe('day');
    expect(bindBucket({ tz: 'Europe/Paris', bucket: 'minute' }, win(30 * 24 * H))).toEqual({ bucket: 'minute', tz: 'Europe/Paris' });
  });
});

describe('time zone parameter', () => {
  it('accepts IANA zones, defaults to UTC and refuses anything else', () => {
    expect(timeZoneParam.parse(undefined)).toBe('UTC');
    expect(timeZoneParam.parse('America/Argentina/Buenos_Aires')).toBe('America/Argentina/Buenos_Aires');
    expect(isKnownTimeZone('Mars/Olympus')).toBe(false);
    expect(timeZoneParam.safeParse("UTC'; DROP TABLE x").success).toBe(false);
    expect(timeZoneParam.safeParse('Mars/Olympus').success).toBe(false);
  });
});

describe('topic keywords', () => {
  it('splits, trims and de-duplicates, and binds them as values', () => {
    expect(parseKeywords(' Project  Nightingale, outage,project nightingale,,')).toEqual(['Project Nightingale', 'outage']);
    expect(keywordParams("x' OR 1=1 --, b c")).toEqual({ kw1: "x' OR 1=1 --", kw2: 'b c', kw3: null, kw4: null, kw5: null });
    expect(keywordsParam.safeParse('a,b,c,d,e,f').success).toBe(false);
    expect(keywordsParam.safeParse('x').success).toBe(false);
    expect(keywordsParam.safeParse('Project Nightingale').success).toBe(true);
  });
});
