import { describe, expect, it } from 'vitest';
import { prepareKpis, type KpiRow } from './prepare-kpis';
import { formatMs, formatPercent } from '@/lib/charts/format';

const window = { start: '2026-11-21T00:00:00.000Z', end: '2026-11-22T00:00:00.000Z' };
const row = (period: KpiRow['period'], over: Partial<KpiRow> = {}): KpiRow => ({ period, requests: 1440, sampled_rows: 1440, errors: 14.4, peak_minute_requests: 9, p50_ms: 800, p95_ms: 4000, p99_ms: 9000, ...over });

describe('prepareKpis', () => {
  it('computes averages over the window and changes against the previous period', () => {
    const tiles = Object.fromEntries(prepareKpis([row('current', { requests: 2880, sampled_rows: 2880, errors: 57.6, p95_ms: 6000 }), row('previous')], window).map((t) => [t.id, t]));
    expect(tiles.requests).toMatchObject({ value: '2,880', change: '+100%', tone: 'neutral' });
    expect(tiles.requests!.note).toBeUndefined();
    expect(tiles['avg-qpm']).toMatchObject({ value: '2' });
    expect(tiles['error-rate']).toMatchObject({ value: '2.0%', change: '+1.00 pp', tone: 'bad' });
    expect(tiles.p95).toMatchObject({ value: '6 s', change: '+50%', tone: 'bad' });
    expect(tiles.p50).toMatchObject({ change: '±0.0%', tone: 'neutral' });
  });

  it('shows the sampled row count beside the estimate when any sampling is below 1', () => {
    const tiles = prepareKpis([row('current', { requests: 5000, sampled_rows: 1000 })], window);
    expect(tiles[0]).toMatchObject({ value: '5,000', note: 'from 1,000 sampled rows', change: null });
  });

  it('shows no value, never zero, when there is no data', () => {
    const tiles = Object.fromEntries(prepareKpis([], window).map((t) => [t.id, t]));
    expect(tiles.p95!.value).toBe('–');
    expect(tiles['error-rate']!.value).toBe('–');
    expect(tiles.requests!.value).toBe('0');
  });
});

describe('formatting', () => {
  it('formats durations and rates with units', () => {
    expect([formatMs(850), formatMs(4200), formatMs(150_000), formatMs(null)]).toEqual(['850 ms', '4.2 s', '2 min 30 s', '–']);
    expect([formatPercent(0.0004), formatPercent(0.25), formatPercent(null)]).toEqual(['0.04%', '25.0%', '–']);
  });
});
