import { OTHER_LABEL, colorsByName } from '@/lib/charts/palette';
import { formatTokens } from '@/lib/charts/format';
import type { Mark, PreparedSeries } from '@/lib/charts/marks';
import type { QueryRow } from '@/queries';

export type SpendDailyRow = QueryRow<'finance-spend-daily'>;

export interface SpendSeries { key: string; label: string; color: string }
export type SpendPoint = { t: number; day: string; total: number; unpricedTokens: number; partial: boolean } & Record<string, number | string | boolean>;

export interface PreparedSpendDaily {
  series: SpendSeries[];
  points: SpendPoint[];
  /** The costliest day and how it compares with the median of the other complete days. */
  peak: { day: string; total: number; medianOther: number | null; ratio: number | null } | null;
  totalCost: number;
  unpricedTokens: number;
  anyPriced: boolean;
}

const DAY = 86_400_000;
export const OTHER = OTHER_LABEL;

const dayStart = (ms: number) => Math.floor(ms / DAY) * DAY;

/**
 * Rows to one point per UTC day of the window. A day without traffic spent nothing (0); the
 * first and last days are marked partial when the window cuts them. Series keys are positional
 * (s0, s1…) because values such as "a.b" would read as paths to the chart library.
 */
export function prepareSpendDaily(rows: SpendDailyRow[], window: { start: string; end: string }): PreparedSpendDaily {
  const order = new Map<string, number>();
  for (const r of rows) order.set(r.series, Math.min(order.get(r.series) ?? Infinity, r.series === OTHER ? Infinity : r.series_rank));
  const names = [...order.entries()].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).map(([n]) => n);
  const colors = colorsByName(names);
  const series = names.map((label, i) => ({ key: `s${i}`, label, color: colors.get(label)! }));
  const keyOf = new Map(series.map((s) => [s.label, s.key]));

  const start = Date.parse(window.start);
  const end = Date.parse(window.end);
  const points: SpendPoint[] = [];
  const index = new Map<string, SpendPoint>();
  for (let t = dayStart(start); t < end; t += DAY) {
    const day = new Date(t).toISOString().slice(0, 10);
    const p = { t, day, total: 0, unpricedTokens: 0, partial: t < start || t + DAY > end } as SpendPoint;
    for (const s of series) p[s.key] = 0;
    points.push(p);
    index.set(day, p);
  }
  let anyPriced = false;
  for (const r of rows) {
    const p = index.get(r.day.slice(0, 10));
    if (!p) continue;
    if (r.cost !== null) anyPriced = true;
    p[keyOf.get(r.series)!] = (p[keyOf.get(r.series)!] as number) + (r.cost ?? 0);
    p.total += r.cost ?? 0;
    p.unpricedTokens += r.unpriced_tokens;
  }

  let peak: PreparedSpendDaily['peak'] = null;
  const complete = points.filter((p) => !p.partial);
  const candidates = complete.length ? complete : points;
  const top = candidates.reduce<SpendPoint | null>((best, p) => (best === null || p.total > best.total ? p : best), null);
  if (top && top.total > 0) {
    const others = candidates.filter((p) => p !== top).map((p) => p.total).sort((a, b) => a - b);
    const medianOther = others.length ? (others.length % 2 ? others[(others.length - 1) / 2]! : (others[others.length / 2 - 1]! + others[others.length / 2]!) / 2) : null;
    peak = { day: top.day, total: top.total, medianOther, ratio: medianOther && medianOther > 0 ? top.total / medianOther : null };
  }
  return {
    series,
    points,
    peak,
    totalCost: points.reduce((a, p) => a + p.total, 0),
    unpricedTokens: points.reduce((a, p) => a + p.unpricedTokens, 0),
    anyPriced,
  };
}

/**
 * The days as a time series (UTC days): one stacked bar per value, the day's total and its
 * unpriced tokens listed beside them but not drawn. What TimeChart draws, so a day leads to its
 * requests like any other bucket.
 */
export function spendDailySeries(p: PreparedSpendDaily, window: { start: string; end: string }): { data: PreparedSeries; marks: Mark[] } {
  const points = p.points.map((pt) => {
    const out: PreparedSeries['points'][number] = { t: pt.t, total: pt.total, unpriced: pt.unpricedTokens };
    for (const s of p.series) out[s.key] = pt[s.key] as number;
    return out;
  });
  return {
    data: { bucket: 'day', tz: 'UTC', series: p.series, points, domain: [points[0]?.t ?? Date.parse(window.start), Date.parse(window.end)], stillArriving: null },
    marks: [
      ...p.series.map((s): Mark => ({ dataKey: s.key, name: s.label, color: s.color, kind: 'bar', stackId: 'spend' })),
      { dataKey: 'total', name: 'Total', color: '#111827', kind: 'bar', hidden: true },
      { dataKey: 'unpriced', name: 'Unpriced tokens', color: '#94a3b8', kind: 'bar', hidden: true, format: (v) => formatTokens(v, true) },
    ],
  };
}
