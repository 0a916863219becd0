import { describe, expect, it } from 'vitest';
import { prepareRequests, requestsMarks, type RequestsRow } from './prepare-requests';

const window = { start: '2026-11-22T10:30:00.000Z', end: '2026-11-22T13:00:00.000Z' };
const row = (bucket: string, series: string, requests: number, sampled: number, peak: number): RequestsRow => ({ bucket, series, requests, sampled_rows: sampled, peak_minute_requests: peak });

describe('prepareRequests', () => {
  const rows = [
    row('2026-11-22T10:00:00.000Z', 'chat', 60, 60, 5),
    row('2026-11-22T11:00:00.000Z', 'chat', 120, 120, 9),
    row('2026-11-22T11:00:00.000Z', 'embeddings', 600, 120, 20),
  ];
  const p = prepareRequests(rows, window, 'hour', Date.parse('2026-11-23T00:00:00Z'));

  it('orders series by volume and keys them safely', () => {
    expect(p.series.map((s) => [s.key, s.label])).toEqual([['s0', 'embeddings'], ['s1', 'chat']]);
  });

  it('divides by the minutes of each bucket inside the window (the first bucket is half an hour)', () => {
    expect(p.points[0]).toMatchObject({ s1: 2, s1_peak: 5 });
    expect(p.points[1]).toMatchObject({ s0: 10, s1: 2, s0_peak: 20 });
  });

  it('fills buckets with no logged requests with zero, not a gap', () => {
    expect(p.points).toHaveLength(3);
    expect(p.points[2]).toMatchObject({ s0: 0, s1: 0 });
  });

  it('totals sampling-weighted requests and says when rows were sampled', () => {
    expect(p.totals).toMatchObject({ requests: 780, sampledRows: 300, sampled: true });
    expect(p.totals.avgQpm).toBeCloseTo(780 / 150);
  });

  it('marks the last hour as still arriving only while it is recent', () => {
    expect(p.stillArriving).toBeNull();
    const live = prepareRequests(rows, window, 'hour', Date.parse('2026-11-22T12:40:00Z'));
    expect(live.stillArriving).toEqual({ from: Date.parse('2026-11-22T11:40:00Z'), to: Date.parse(window.end) });
    // The axis runs to the window's end so the shaded band is drawn, not clipped at the last bucket.
    expect(live.domain).toEqual([Date.parse('2026-11-22T10:00:00Z'), Date.parse(window.end)]);
  });

  it('follows the reporting zone: hour buckets of UTC+05:30 start at half past', () => {
    const zoned = prepareRequests([], window, 'hour', Date.parse('2026-11-23T00:00:00Z'), 'Asia/Kolkata');
    expect(zoned.tz).toBe('Asia/Kolkata');
    expect(zoned.points.map((x) => new Date(x.t).toISOString().slice(11, 16))).toEqual(['10:30', '11:30', '12:30']);
  });
});

describe('requestsMarks', () => {
  it('stacks one area per series and reads out the busiest minute of coarse buckets without drawing it', () => {
    const p = prepareRequests([row('2026-11-22T10:00:00.000Z', 'chat', 60, 60, 5)], window, 'hour', Date.parse('2026-11-23T00:00:00Z'));
    const marks = requestsMarks(p);
    expect(marks.map((m) => [m.dataKey, m.kind, m.stackId ?? null, m.hidden ?? false])).toEqual([['s0', 'area', 'requests', false], ['s0_peak', 'line', null, true]]);
    const minute = prepareRequests([], window, 'minute', Date.parse('2026-11-23T00:00:00Z'));
    expect(requestsMarks(minute)).toEqual([]);
  });
});
