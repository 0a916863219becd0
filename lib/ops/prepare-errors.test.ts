import { describe, expect, it } from 'vitest';
import { prepareErrorRate } from './prepare-errors';
import { prepareTimeSeries } from './prepare-series';

describe('prepareErrorRate', () => {
  it('divides failed by all requests per bucket and leaves empty buckets as gaps', () => {
    const window = { start: '2026-11-22T10:00:00.000Z', end: '2026-11-22T12:00:00.000Z' };
    const rows = [
      { bucket: '2026-11-22T10:00:00.000Z', category: 'ok', requests: 90 },
      { bucket: '2026-11-22T10:00:00.000Z', category: 'rate_limited', requests: 6 },
      { bucket: '2026-11-22T10:00:00.000Z', category: 'provider_error', requests: 4 },
    ];
    const p = prepareTimeSeries(rows, { window, bucket: 'hour', tz: 'UTC', now: Date.parse(window.end) + 86_400_000, seriesOf: (r) => r.category, values: { n: (r) => r.requests }, missing: 'zero' });
    expect(prepareErrorRate(p).points.map((x) => x.error_rate)).toEqual([0.1, null]);
  });
});
