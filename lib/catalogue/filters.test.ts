import { describe, expect, it } from 'vitest';
import { filterParams, resolveWindow, sqlTimestamp } from './filters';

const now = new Date('2026-11-22T14:30:20Z');

describe('resolveWindow', () => {
  it('resolves a relative range against now, ending at the current minute', () => {
    const r = resolveWindow({ range: '24h' }, 400, now);
    expect(r).toEqual({ ok: true, window: { start: new Date('2026-11-21T14:31:00Z'), end: new Date('2026-11-22T14:31:00Z') } });
  });

  it('moves with the clock: the same range a minute later is a later window', () => {
    const a = resolveWindow({ range: '1h' }, 400, now);
    const b = resolveWindow({ range: '1h' }, 400, new Date(now.getTime() + 60_000));
    expect(a.ok && b.ok && b.window.end.getTime() - a.window.end.getTime()).toBe(60_000);
  });

  it('reads absolute bounds without a zone as UTC', () => {
    const r = resolveWindow({ from: '2026-11-01T00:00', to: '2026-11-02' }, 400, now);
    expect(r).toEqual({ ok: true, window: { start: new Date('2026-11-01T00:00:00Z'), end: new Date('2026-11-02T00:00:00Z') } });
  });

  it('honours an explicit offset', () => {
    const r = resolveWindow({ from: '2026-11-01T09:00:00+09:00', to: '2026-11-01T10:00:00Z' }, 400, now);
    expect(r.ok && r.window.start.toISOString()).toBe('2026-11-01T00:00:00.000Z');
  });

  it.each([
    [{}, 'range'],
    [{ from: '2026-11-02T00:00:00Z', to: '2026-11-01T00:00:00Z' }, 'from'],
    [{ from: '2026-11-01T00:00:00Z' }, 'to'],
    [{ range: '7d', from: '2026-11-01T00:00:00Z', to: '2026-11-02T00:00:00Z' }, 'range'],
    [{ range: '9999d' }, 'range'],
  ])('rejects %j with a problem on %s', (input, path) => {
    const r = resolveWindow(input, 400, now);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems.map((p) => p.path)).toContain(path);
  });
});

describe('filterParams', () => {
  it('binds both the timestamp window and the request_date bounds for partition pruning', () => {
    const w = { start: new Date('2026-11-01T23:00:00Z'), end: new Date('2026-11-03T01:00:00Z') };
    expect(filterParams({ endpoint: 'chat' }, w)).toEqual({
      start_time: '2026-11-01 23:00:00.000',
      end_time: '2026-11-03 01:00:00.000',
      start_date: '2026-11-01',
      end_date: '2026-11-03',
      endpoint: 'chat',
      served_entity_id: null,
      requester: null,
      status_class: null,
    });
    expect(sqlTimestamp(new Date('2026-01-02T03:04:05.678Z'))).toBe('2026-01-02 03:04:05.678');
  });
});
