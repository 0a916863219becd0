import { describe, expect, it } from 'vitest';
import { prepareKpis, type KpiRow } from './prepare-kpis';
import { formatMs, formatPercent } from '@/lib/charts/format';

const window = { start: '2026-11-21T00:00:00.000Z', end: '2026-11-22T00:00:00.000Z' };
const row = (period: KpiRow['period'], over: Partial<KpiRow> = {}): KpiRow => ({ period, requests: 1440, sampled_rows: 1440, exact_requests: 0, payload_requests: over.requests ?? 1440, errors: 14.4, peak_minute_requests: 9, p50_ms: 800, p95_ms: 4000, p99_ms: 9000, ...over });

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

  it('says the count is exact where endpoint_usage counted every request, and what the payload tables alone estimate', () => {
    // A sampled endpoint (1 in 5 logged) whose every request endpoint_usage counted.
    const exact = prepareKpis([row('current', { requests: 5003, sampled_rows: 1000, exact_requests: 5003, payload_requests: 5000 })], window);
    expect(exact[0]).toMatchObject({ value: '5,003', note: 'exact (endpoint_usage) · payload tables estimate 5,000' });
    // A gap in endpoint_usage: part exact, part estimated from sampled rows.
    const mixed = prepareKpis([row('current', { requests: 5000, sampled_rows: 1000, exact_requests: 4000, payload_requests: 5000 })], window);
    expect(mixed[0]!.note).toBe('4,000 exact, 1,000 estimated');
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
