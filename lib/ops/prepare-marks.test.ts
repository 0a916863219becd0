import { describe, expect, it } from 'vitest';
import { CATEGORY_COLOR } from './error-categories';
import { errorMarks, latencyMarks, lineMarks, stackedCountMarks, trafficMarks } from './prepare-marks';
import { prepareTimeSeries } from './prepare-series';

const window = { start: '2026-11-20T00:00:00.000Z', end: '2026-11-20T03:00:00.000Z' };
const base = { window, tz: 'UTC', now: Date.parse('2026-11-21T00:00:00.000Z') };
const rows = [
  { bucket: '2026-11-20T00:00:00.000Z', series: 'gpt-4o', n: 10, tps: null as number | null },
  { bucket: '2026-11-20T01:00:00.000Z', series: 'gpt-4o', n: 30, tps: null },
  { bucket: '2026-11-20T01:00:00.000Z', series: 'embed', n: 5, tps: 12 },
];
const series = (bucket: 'minute' | 'hour') => prepareTimeSeries(rows, { ...base, bucket, seriesOf: (r) => r.series, values: { n: (r) => r.n, tps: (r) => r.tps }, missing: 'gap' });

describe('ops marks', () => {
  it('adds the busiest-minute line only when a bucket is coarser than a minute', () => {
    expect(trafficMarks(series('hour')).map((m) => [m.dataKey, m.dashed ?? false])).toEqual([['s0_qpm', false], ['s0_peak', true], ['s1_qpm', false], ['s1_peak', true]]);
    expect(trafficMarks(series('minute')).every((m) => !m.dashed)).toBe(true);
  });

  it('draws latency as lines, never stacked: three percentiles of one series or one per series', () => {
    const p = series('hour');
    const single = latencyMarks(p, false, 'p95');
    expect(single.map((m) => m.dataKey)).toEqual(['s0_p50', 's0_p95', 's0_p99']);
    expect(new Set(single.map((m) => m.color)).size).toBe(3);
    const split = latencyMarks(p, true, 'p99');
    expect(split.map((m) => m.name)).toEqual(['gpt-4o p99', 'embed p99']);
    expect([...single, ...split].every((m) => m.kind === 'line' && m.stackId === undefined)).toBe(true);
    // Every percentile names the count of requests behind it.
    expect(split.map((m) => m.sampleKey)).toEqual(['s0_n', 's1_n']);
    expect(new Set(single.map((m) => m.sampleKey))).toEqual(new Set(['s0_n']));
  });

  it('stacks failed requests by category with their fixed colours and puts the rate on the right axis', () => {
    const p = prepareTimeSeries(
      [{ bucket: window.start, category: 'ok', n: 90 }, { bucket: window.start, category: 'rate_limited', n: 10 }],
      { ...base, bucket: 'hour', seriesOf: (r) => r.category, values: { n: (r) => r.n }, missing: 'zero', colors: CATEGORY_COLOR },
    );
    const marks = errorMarks(p);
    expect(marks.map((m) => [m.name, m.kind, m.axis ?? 'left'])).toEqual([['Rate limited (429)', 'bar', 'left'], ['Error rate', 'line', 'right']]);
    expect(marks[0]!.color).toBe(CATEGORY_COLOR.rate_limited);
  });

  it('leaves out a series that never has a value when asked to', () => {
    const p = series('hour');
    expect(lineMarks(p, 'tps', { knownOnly: true }).map((m) => m.name)).toEqual(['embed']);
    expect(lineMarks(p, 'tps').map((m) => m.name)).toEqual(['gpt-4o', 'embed']);
    expect(stackedCountMarks(p, 'n', 'codes').every((m) => m.kind === 'bar' && m.stackId === 'codes')).toBe(true);
  });
});
