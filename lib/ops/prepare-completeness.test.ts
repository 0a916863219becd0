import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/client/api';
import { completenessByStatus, completenessSeries, isUnreadable } from './prepare-completeness';
import { prepareTimeSeries } from './prepare-series';

describe('completenessByStatus', () => {
  it('sums per status code and ranks the biggest shortfall first', () => {
    const gaps = completenessByStatus([
      { bucket: 'a', status_code: 200, usage_requests: 100, payload_requests: 100 },
      { bucket: 'a', status_code: 429, usage_requests: 40, payload_requests: 10 },
      { bucket: 'b', status_code: 429, usage_requests: 60, payload_requests: 15 },
      { bucket: 'b', status_code: 403, usage_requests: 5, payload_requests: 0 },
      // The payload side is an estimate (1 / sampling_fraction) and can exceed the count.
      { bucket: 'b', status_code: 200, usage_requests: 10, payload_requests: 15 },
    ]);
    expect(gaps[0]).toEqual({ status_code: 429, usage: 100, logged: 25, missing: 75, missingShare: 0.75 });
    expect(gaps[1]).toMatchObject({ status_code: 403, missing: 5, missingShare: 1 });
    expect(gaps[2]).toMatchObject({ status_code: 200, missing: 0 });
  });

  it('treats permission and missing-table failures as unreadable, other failures as errors', () => {
    expect(isUnreadable(new ApiError('denied', 403, 'r', [], 'permission'))).toBe(true);
    expect(isUnreadable(new ApiError('gone', 500, 'r', [], 'not_found'))).toBe(true);
    expect(isUnreadable(new ApiError('boom', 500, 'r', [], 'engine'))).toBe(false);
    expect(isUnreadable(null)).toBe(false);
  });
});

describe('completenessSeries', () => {
  it('sums status codes into one point per bucket and keeps empty buckets at zero', () => {
    const window = { start: '2026-11-22T10:00:00.000Z', end: '2026-11-22T12:00:00.000Z' };
    const rows = [
      { bucket: '2026-11-22T10:00:00.000Z', status_code: 200, usage_requests: 90, payload_requests: 90 },
      { bucket: '2026-11-22T10:00:00.000Z', status_code: 429, usage_requests: 10, payload_requests: 2.5 },
    ];
    const p = prepareTimeSeries(rows, { window, bucket: 'hour', tz: 'UTC', now: 0, seriesOf: () => 'all', values: { usage: () => 0, logged: () => 0 }, missing: 'zero' });
    expect(completenessSeries(p, rows).points.map((x) => [x.s0_usage, x.s0_logged])).toEqual([[100, 92.5], [0, 0]]);
  });
});
