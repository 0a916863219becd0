import type { Bucket } from '@/lib/time/buckets';
import { zonedBucketRange } from '@/lib/time/zone';
import { stillArrivingWindow } from '@/lib/time/freshness';
import { colorsByName } from './palette';
import type { Mark } from './marks';
import type { QueryRow } from '@/queries';

export type RequestsRow = QueryRow<'requests-over-time'>;

export interface SeriesInfo { key: string; label: string; color: string; requests: number }

/** One chart point; series values live under `s0`, `s1`… so odd series names never break keys. */
export type RequestsPoint = { t: number } & Record<string, number | null>;

export interface PreparedRequests {
  bucket: Bucket;
  /** Reporting zone the buckets follow. */
  tz: string;
  series: SeriesInfo[];
  points: RequestsPoint[];
  totals: { requests: number; sampledRows: number; sampled: boolean; avgQpm: number };
  stillArriving: { from: number; to: number } | null;
  /** x-axis extent: the first bucket's start to the window's end ("now" for a live range). */
  domain: [number, number];
}

/**
 * Rows of `requests-over-time` → chart data. A bucket with no rows had no logged requests, so it
 * is a zero, not a gap; QPM divides by the minutes of the bucket inside the window, because the
 * first and last buckets are usually partial.
 */
export function prepareRequests(rows: RequestsRow[], window: { start: string; end: string }, bucket: Bucket, now: number, tz = 'UTC'): PreparedRequests {
  const start = Date.parse(window.start);
  const end = Date.parse(window.end);
  const bySeries = new Map<string, number>();
  for (const r of rows) bySeries.set(r.series, (bySeries.get(r.series) ?? 0) + r.requests);
  const ordered = [...bySeries.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const colors = colorsByName(bySeries.keys());
  const series: SeriesInfo[] = ordered.map(([label, requests], i) => ({
    key: `s${i}`,
    label,
    color: colors.get(label)!,
    requests,
  }));
  const keyOf = new Map(series.map((s) => [s.label, s.key]));

  // Buckets follow the reporting zone; a zoned day may last 23 or 25 hours.
  const starts = zonedBucketRange(start, end, bucket, tz);
  const nextStart = new Map(starts.map((t, i) => [t, starts[i + 1] ?? end]));
  const minutesInWindow = (t: number) => Math.max(0, (Math.min(nextStart.get(t) ?? end, end) - Math.max(t, start)) / 60_000);
  const points = new Map<number, RequestsPoint>();
  for (const t of starts) {
    const p: RequestsPoint = { t } as RequestsPoint;
    for (const s of series) { p[s.key] = 0; p[`${s.key}_peak`] = 0; }
    points.set(t, p);
  }
  let sampledRows = 0;
  let requests = 0;
  for (const r of rows) {
    const t = Date.parse(r.bucket);
    const p = points.get(t);
    const key = keyOf.get(r.series)!;
    sampledRows += r.sampled_rows;
    requests += r.requests;
    if (!p) continue; // outside the window: cannot happen with the catalogue's filters
    const minutes = minutesInWindow(t);
    p[key] = minutes > 0 ? r.requests / minutes : null;
    p[`${key}_peak`] = r.peak_minute_requests;
  }
  const minutes = Math.max(1, (end - start) / 60_000);
  return {
    bucket,
    tz,
    series,
    points: [...points.values()],
    totals: { requests, sampledRows, sampled: Math.abs(requests - sampledRows) > 0.5, avgQpm: requests / minutes },
    stillArriving: stillArrivingWindow({ start, end }, now),
    domain: [Math.min(start, ...[...points.keys()].slice(0, 1)), end],
  };
}

/** Stacked areas of requests per minute, with each series' busiest minute read out (not drawn) for coarse buckets. */
export function requestsMarks(p: PreparedRequests): Mark[] {
  return [
    ...p.series.map((s): Mark => ({ dataKey: s.key, name: s.label, color: s.color, kind: 'area', stackId: 'requests' })),
    ...(p.bucket === 'minute' ? [] : p.series.map((s): Mark => ({ dataKey: `${s.key}_peak`, name: `${s.label} busiest minute`, color: s.color, kind: 'line', hidden: true }))),
  ];
}
