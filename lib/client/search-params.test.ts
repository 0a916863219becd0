import { describe, expect, it } from 'vitest';
import { apiTimeFilters, isLive, readState, reportingZone, writeState } from './search-params';

const read = (qs: string) => readState(new URLSearchParams(qs));

describe('dashboard URL state: reporting zone and auto-refresh', () => {
  it('keeps existing URLs working: UTC and auto-refresh by default', () => {
    const s = read('range=24h&endpoint=chat');
    expect(reportingZone(s)).toBe('UTC');
    expect(isLive(s)).toBe(true);
    expect(writeState(s)).toBe('range=24h&endpoint=chat');
  });

  it('reads and writes a zone and refresh=off, and sends the zone to the API', () => {
    const s = read('tz=Asia/Kolkata&refresh=off');
    expect(s.tz).toBe('Asia/Kolkata');
    expect(isLive(s)).toBe(false);
    expect(writeState(s)).toBe('tz=Asia%2FKolkata&refresh=off');
    expect(apiTimeFilters(s)).toMatchObject({ range: '7d', tz: 'Asia/Kolkata' });
  });

  it('ignores unknown or malformed zones and never auto-refreshes a custom range', () => {
    expect(read('tz=Mars/Olympus').tz).toBeUndefined();
    expect(read("tz=UTC'--").tz).toBeUndefined();
    expect(isLive(read('range=custom&from=2026-11-01T00:00&to=2026-11-02T00:00'))).toBe(false);
  });
});
