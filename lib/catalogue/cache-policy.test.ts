import { describe, expect, it } from 'vitest';
import { cacheTtlMs } from './cache-policy';

const now = Date.parse('2026-11-22T12:00:00Z');
const w = (end: string) => ({ start: new Date('2026-11-01T00:00:00Z'), end: new Date(end) });

describe('cacheTtlMs', () => {
  it('keeps windows that reach the still-arriving hours only briefly', () => {
    expect(cacheTtlMs(w('2026-11-22T12:01:00Z'), now)).toBe(30_000);
    expect(cacheTtlMs(w('2026-11-22T10:30:00Z'), now)).toBe(30_000);
  });
  it('keeps recently closed windows for minutes and old ones for an hour', () => {
    expect(cacheTtlMs(w('2026-11-22T09:00:00Z'), now)).toBe(300_000);
    expect(cacheTtlMs(w('2026-11-10T00:00:00Z'), now)).toBe(3_600_000);
  });
});
