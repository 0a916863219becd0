import { describe, expect, it } from 'vitest';
import { changeMarks, entityLatencyMarks, prepareShare, shareMarks } from './prepare-share';
import type { HistoryRow, ShareRow } from './types';

const r = (bucket: string, key: string, requests: number, p95: number | null = 100): ShareRow => ({ bucket, endpoint_name: 'chat', group_key: key, requests, sampled_rows: requests, latency_rows: p95 === null ? 0 : requests, p50_ms: p95, p95_ms: p95 });
const h = (time: string, id: string, version: number, endpoint = 'chat'): HistoryRow => ({ endpoint_name: endpoint, served_entity_id: id, served_entity_name: id.toUpperCase(), entity_type: null, entity_name: null, entity_version: '1', endpoint_config_version: version, created_by: null, change_time: time, endpoint_delete_time: null, is_latest: true });

const window = { start: '2026-11-01T00:00:00.000Z', end: '2026-11-01T04:00:00.000Z' };
const order = [{ key: 'a', label: 'A' }, { key: 'b', label: 'B' }];

describe('prepareShare', () => {
  it('gives shares in % per bucket, a gap for a bucket without traffic, and p95 gaps', () => {
    const rows = [r('2026-11-01T00:00:00.000Z', 'a', 30), r('2026-11-01T00:00:00.000Z', 'b', 10, null), r('2026-11-01T02:00:00.000Z', 'b', 5)];
    const p = prepareShare(rows, { endpoint: 'chat', window, bucket: 'hour', now: Date.parse('2026-11-02T00:00:00Z'), order });
    expect(p.points).toHaveLength(4);
    expect(p.points[0]).toMatchObject({ s0: 75, s1: 25, s0_p95: 100, s1_p95: null });
    expect(p.points[1]).toMatchObject({ s0: null, s1: null });
    expect(p.points[2]).toMatchObject({ s0: 0, s1: 100, s0_p95: null });
    expect(p.series.map((s) => s.label)).toEqual(['A', 'B']);
    expect(p.stillArriving).toBeNull();
  });

  it('adds series the summary did not name, after the named ones', () => {
    const p = prepareShare([r('2026-11-01T00:00:00.000Z', 'zz', 1)], { endpoint: 'chat', window, bucket: 'hour', now: 0, order });
    expect(p.series.map((s) => s.group)).toEqual(['a', 'b', 'zz']);
  });

  it('reads hours in the chosen zone but says when day buckets are UTC days', () => {
    const hourly = prepareShare([], { endpoint: 'chat', window, bucket: 'hour', now: 0, order, tz: 'Asia/Kolkata' });
    expect(hourly).toMatchObject({ tz: 'Asia/Kolkata', utcDays: false });
    const daily = prepareShare([], { endpoint: 'chat', window, bucket: 'day', now: 0, order, tz: 'Asia/Kolkata' });
    expect(daily).toMatchObject({ tz: 'UTC', utcDays: true });
    expect(prepareShare([], { endpoint: 'chat', window, bucket: 'day', now: 0, order })).toMatchObject({ tz: 'UTC', utcDays: false });
  });

  it('keeps the colour the entity table gave a series, and colours the rest by name', () => {
    const p = prepareShare([r('2026-11-01T00:00:00.000Z', 'zz', 1)], { endpoint: 'chat', window, bucket: 'hour', now: 0, order: [{ key: 'a', label: 'A', color: '#123456' }] });
    expect(p.series.map((s) => [s.group, s.color])).toEqual([['a', '#123456'], ['zz', prepareShare([r('2026-11-01T00:00:00.000Z', 'zz', 1)], { endpoint: 'chat', window, bucket: 'hour', now: 0, order: [] }).series[0]!.color]]);
  });
});

describe('changeMarks', () => {
  it('marks changes of the endpoint inside the window, one per time', () => {
    const marks = changeMarks([h('2026-11-01T01:00:00Z', 'a', 4), h('2026-11-01T01:00:00Z', 'b', 4), h('2026-10-01T00:00:00Z', 'a', 3), h('2026-11-01T02:00:00Z', 'x', 9, 'other')], 'chat', Date.parse(window.start), Date.parse(window.end));
    expect(marks).toEqual([{ t: Date.parse('2026-11-01T01:00:00Z'), label: 'config v4: A, B' }]);
  });
});

describe('share and latency marks', () => {
  it('steps the stacked shares, reads each entity\'s requests out beside its share, and draws one p95 line per entity', () => {
    const p = { series: [{ key: 's0', group: 'e1', label: 'gpt-4o', color: 'g' }] } as unknown as Parameters<typeof shareMarks>[0];
    expect(shareMarks(p).map((m) => [m.dataKey, m.kind, m.step ?? false, m.hidden ?? false])).toEqual([['s0', 'area', true, false], ['s0_requests', 'line', false, true]]);
    expect(shareMarks(p)[0]!.format!(48.54)).toBe('48.5%');
    expect(entityLatencyMarks(p).map((m) => [m.dataKey, m.kind, m.stackId])).toEqual([['s0_p95', 'line', undefined]]);
  });
});
