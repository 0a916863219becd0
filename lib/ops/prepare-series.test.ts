import { describe, expect, it } from 'vitest';
import { perMinute, prepareTimeSeries } from './prepare-series';

const window = { start: '2026-11-22T10:30:00.000Z', end: '2026-11-22T13:00:00.000Z' };
const now = Date.parse('2026-11-22T12:59:00Z');
type Row = { bucket: string; series: string; requests: number; p95_ms?: number };

describe('prepareTimeSeries', () => {
  const rows: Row[] = [
    { bucket: '2026-11-22T10:00:00.000Z', series: 'chat', requests: 60 },
    { bucket: '2026-11-22T12:00:00.000Z', series: 'chat', requests: 120 },
    { bucket: '2026-11-22T12:00:00.000Z', series: 'embed', requests: 600 },
  ];

  it('fills every bucket; missing counts are zeros; rates use the minutes inside the window', () => {
    const p = prepareTimeSeries(rows, { window, bucket: 'hour', tz: 'UTC', now, seriesOf: (r) => r.series, values: { qpm: (r, c) => perMinute(r.requests, c) }, missing: 'zero' });
    expect(p.series.map((s) => s.label)).toEqual(['embed', 'chat']);
    expect(p.points.map((x) => new Date(x.t).toISOString().slice(11, 16))).toEqual(['10:00', '11:00', '12:00']);
    // 10:00 holds 30 minutes of the window: 60 requests → 2 per minute.
    expect(p.points[0]).toMatchObject({ s1_qpm: 2, s0_qpm: 0 });
    expect(p.points[1]).toMatchObject({ s1_qpm: 0, s0_qpm: 0 });
    expect(p.points[2]).toMatchObject({ s0_qpm: 10, s1_qpm: 2 });
    expect(p.domain).toEqual([Date.parse('2026-11-22T10:00:00Z'), Date.parse(window.end)]);
  });

  it('leaves gaps for measurements and marks the still-arriving last hour', () => {
    const p = prepareTimeSeries([{ bucket: '2026-11-22T12:00:00.000Z', series: 'all', requests: 1, p95_ms: 900 }], { window, bucket: 'hour', tz: 'UTC', now, seriesOf: (r) => r.series, values: { p95: (r) => r.p95_ms ?? null }, missing: 'gap' });
    expect(p.points.map((x) => x.s0_p95)).toEqual([null, null, 900]);
    expect(p.stillArriving).toEqual({ from: now - 3_600_000, to: Date.parse(window.end) });
  });

  it('weights are already in the rows: sampled endpoints count 1 / sampling_fraction per row', () => {
    // 20 logged rows at sampling_fraction 0.2 arrive as requests = 100 from the catalogue.
    const p = prepareTimeSeries([{ bucket: '2026-11-22T12:00:00.000Z', series: 'embed', requests: 100 }], { window, bucket: 'hour', tz: 'UTC', now, seriesOf: (r) => r.series, values: { n: (r) => r.requests }, missing: 'zero' });
    expect(p.points[2]!.s0_n).toBe(100);
  });

  it('follows the reporting zone and honours a fixed series order', () => {
    const p = prepareTimeSeries([{ bucket: '2026-11-22T10:30:00.000Z', series: 'b', requests: 1 }, { bucket: '2026-11-22T10:30:00.000Z', series: 'a', requests: 5 }], {
      window, bucket: 'hour', tz: 'Asia/Kolkata', now, seriesOf: (r) => r.series, values: { n: (r) => r.requests }, missing: 'zero', order: ['b', 'a'],
    });
    expect(p.points.map((x) => new Date(x.t).toISOString().slice(11, 16))).toEqual(['10:30', '11:30', '12:30']);
    expect(p.series.map((s) => s.label)).toEqual(['b', 'a']);
    expect(p.points[0]).toMatchObject({ s0_n: 1, s1_n: 5 });
  });
});
