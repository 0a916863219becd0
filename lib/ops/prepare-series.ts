import type { Bucket } from '@/lib/time/buckets';
import { stillArrivingWindow } from '@/lib/time/freshness';
import { colorsByName } from '@/lib/charts/palette';
import { zonedBucketRange } from '@/lib/time/zone';
import type { PreparedSeries, SeriesPoint } from '@/lib/charts/marks';

export type { PreparedSeries, SeriesDef, SeriesPoint } from '@/lib/charts/marks';

export interface BucketContext { t: number; minutes: number }

export interface SeriesOptions<R> {
  window: { start: string; end: string };
  bucket: Bucket;
  tz: string;
  /** When the data was fetched: "still arriving" is judged then, which keeps render pure. */
  now: number;
  seriesOf: (row: R) => string;
  /** Value fields per series; the first one orders the series (largest total first). */
  values: Record<string, (row: R, ctx: BucketContext) => number | null>;
  /** Counts: a bucket without rows is a zero. Measurements (latency): it is a gap. */
  missing: 'zero' | 'gap';
  /** Colours that mean something (error categories); every other series is coloured by its name. */
  colors?: Readonly<Record<string, string>>;
  order?: readonly string[];
}

/**
 * Catalogue rows (one per bucket and series) → chart points for every bucket of the window in
 * the reporting zone. `minutes` is the part of the bucket inside the window, because the first
 * and last buckets are usually partial and zoned days may last 23 or 25 hours.
 */
export function prepareTimeSeries<R extends { bucket: string }>(rows: R[], o: SeriesOptions<R>): PreparedSeries {
  const start = Date.parse(o.window.start);
  const end = Date.parse(o.window.end);
  const starts = zonedBucketRange(start, end, o.bucket, o.tz);
  const next = new Map(starts.map((t, i) => [t, starts[i + 1] ?? end]));
  const minutesOf = (t: number) => Math.max(0, (Math.min(next.get(t) ?? end, end) - Math.max(t, start)) / 60_000);
  const fields = Object.keys(o.values);
  const first = fields[0]!;

  const totals = new Map<string, number>();
  for (const r of rows) {
    const t = Date.parse(r.bucket);
    const v = o.values[first]!(r, { t, minutes: minutesOf(t) }) ?? 0;
    const label = o.seriesOf(r);
    totals.set(label, (totals.get(label) ?? 0) + (Number.isFinite(v) ? v : 0));
  }
  const rank = (l: string) => (o.order ? (o.order.indexOf(l) === -1 ? o.order.length : o.order.indexOf(l)) : 0);
  const labels = [...totals.keys()].sort((a, b) => rank(a) - rank(b) || (totals.get(b)! - totals.get(a)!) || a.localeCompare(b));
  const colors = colorsByName(labels, o.colors);
  const series = labels.map((label, i) => ({ key: `s${i}`, label, color: colors.get(label)! }));
  const keyOf = new Map(series.map((s) => [s.label, s.key]));

  const points = new Map<number, SeriesPoint>();
  for (const t of starts) {
    const p = { t } as SeriesPoint;
    for (const s of series) for (const f of fields) p[`${s.key}_${f}`] = o.missing === 'zero' ? 0 : null;
    points.set(t, p);
  }
  for (const r of rows) {
    const t = Date.parse(r.bucket);
    const p = points.get(t);
    if (!p) continue; // outside the window: the catalogue's filters prevent it
    const ctx = { t, minutes: minutesOf(t) };
    for (const f of fields) p[`${keyOf.get(o.seriesOf(r))}_${f}`] = o.values[f]!(r, ctx);
  }
  return {
    bucket: o.bucket,
    tz: o.tz,
    series,
    points: [...points.values()],
    domain: [Math.min(start, starts[0] ?? start), end],
    stillArriving: stillArrivingWindow({ start, end }, o.now),
  };
}

/** Requests per minute of a bucket, or null when no minute of it is inside the window. */
export function perMinute(requests: number, ctx: BucketContext): number | null {
  return ctx.minutes > 0 ? requests / ctx.minutes : null;
}
