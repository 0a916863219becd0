import type { ChangeMark, Mark } from '@/lib/charts/marks';
import { formatCount, formatMs, formatMsTick } from '@/lib/charts/format';
import { stillArrivingWindow } from '@/lib/time/freshness';
import { colorsByName } from '@/lib/charts/palette';
import { bucketRange, type Bucket } from '@/lib/time/buckets';
import { UTC } from '@/lib/time/zone';
import type { HistoryRow, ShareRow } from './types';

export interface ShareSeries { key: string; group: string; label: string; color: string }
/** Values live under `s0`, `s1`… (share, %) and `s0_p95`… (ms); null is a gap. */
export type SharePoint = { t: number } & Record<string, number | null>;

export type { ChangeMark } from '@/lib/charts/marks';

export interface PreparedShare {
  bucket: Bucket;
  /** The zone labels read in: the chosen one, or UTC for day buckets, which the query cuts at UTC midnight. */
  tz: string;
  /** Day buckets shown while another zone is chosen: the page says they are UTC days. */
  utcDays: boolean;
  series: ShareSeries[];
  points: SharePoint[];
  changes: ChangeMark[];
  stillArriving: { from: number; to: number } | null;
  domain: [number, number];
}

/**
 * Rows of `compare-share-over-time` for one endpoint → share of estimated requests per bucket
 * (in %) and p95 latency per series. A bucket without any request has no share: a gap, not a
 * zero; an entity with no successful request in a bucket has no p95 there either.
 * `order` fixes series order and names so colours match the entity table.
 */
export function prepareShare(
  rows: readonly ShareRow[],
  opts: { endpoint: string; window: { start: string; end: string }; bucket: Bucket; now: number; tz?: string; order: { key: string; label: string; color?: string }[]; history?: readonly HistoryRow[] },
): PreparedShare {
  const start = Date.parse(opts.window.start);
  const end = Date.parse(opts.window.end);
  const mine = rows.filter((r) => r.endpoint_name === opts.endpoint);
  const known = new Set(opts.order.map((o) => o.key));
  const extra = [...new Set(mine.map((r) => r.group_key))].filter((k) => !known.has(k)).sort();
  const all: { key: string; label: string; color?: string }[] = [...opts.order, ...extra.map((k) => ({ key: k, label: k }))];
  const colors = colorsByName(all.map((o) => o.label), Object.fromEntries(all.flatMap((o) => (o.color ? [[o.label, o.color]] : []))));
  const series: ShareSeries[] = all.map((o, i) => ({ key: `s${i}`, group: o.key, label: o.label, color: colors.get(o.label)! }));
  const keyOf = new Map(series.map((s) => [s.group, s.key]));

  const totals = new Map<number, number>();
  for (const r of mine) totals.set(Date.parse(r.bucket), (totals.get(Date.parse(r.bucket)) ?? 0) + r.requests);
  const points = new Map<number, SharePoint>();
  for (const t of bucketRange(start, end, opts.bucket)) {
    const p = { t } as SharePoint;
    const has = (totals.get(t) ?? 0) > 0;
    for (const s of series) { p[s.key] = has ? 0 : null; p[`${s.key}_p95`] = null; p[`${s.key}_requests`] = has ? 0 : null; }
    points.set(t, p);
  }
  for (const r of mine) {
    const t = Date.parse(r.bucket);
    const p = points.get(t);
    const key = keyOf.get(r.group_key);
    if (!p || !key) continue;
    p[key] = (100 * r.requests) / totals.get(t)!;
    p[`${key}_requests`] = r.requests;
    p[`${key}_p95`] = r.latency_rows > 0 ? r.p95_ms : null;
  }
  const times = [...points.keys()];
  const tz = opts.tz ?? UTC;
  return {
    bucket: opts.bucket,
    tz: opts.bucket === 'day' ? UTC : tz,
    utcDays: opts.bucket === 'day' && tz !== UTC,
    series,
    points: [...points.values()],
    changes: changeMarks(opts.history ?? [], opts.endpoint, start, end),
    stillArriving: stillArrivingWindow({ start, end }, opts.now),
    domain: [Math.min(start, times[0] ?? start), end],
  };
}

/** served_entities changes inside the window, one mark per change time, naming what changed. */
export function changeMarks(history: readonly HistoryRow[], endpoint: string, start: number, end: number): ChangeMark[] {
  const byTime = new Map<number, HistoryRow[]>();
  for (const h of history) {
    const t = Date.parse(h.change_time);
    if (h.endpoint_name !== endpoint || t < start || t >= end) continue;
    byTime.set(t, [...(byTime.get(t) ?? []), h]);
  }
  return [...byTime.entries()].sort((a, b) => a[0] - b[0]).map(([t, hs]) => {
    const versions = [...new Set(hs.map((h) => h.endpoint_config_version).filter((v) => v !== null))];
    const names = hs.map((h) => h.served_entity_name ?? h.served_entity_id).sort();
    return { t, label: `${versions.length ? `config v${versions.join('/')}` : 'change'}: ${names.join(', ')}` };
  });
}

/** Shares of one whole, stacked and stepped per bucket, with each entity's requests read out beside its share. */
export function shareMarks(p: PreparedShare): Mark[] {
  return p.series.flatMap((s): Mark[] => [
    { dataKey: s.key, name: s.label, color: s.color, kind: 'area', stackId: 'share', step: true, format: (v) => `${v.toFixed(1)}%` },
    { dataKey: `${s.key}_requests`, name: `${s.label} requests`, color: s.color, kind: 'line', hidden: true, format: formatCount },
  ]);
}

/** p95 per entity, one line each (never stacked). */
export function entityLatencyMarks(p: PreparedShare): Mark[] {
  return p.series.map((s) => ({ dataKey: `${s.key}_p95`, name: `${s.label} p95`, color: s.color, kind: 'line', format: formatMs }));
}

export const SHARE_AXIS = { label: 'share', format: (v: number) => `${Math.round(v)}%`, domain: [0, 100] as [number, number], ticks: [0, 25, 50, 75, 100] };
export const LATENCY_AXIS = { label: 'p95', format: formatMs, tick: formatMsTick };
