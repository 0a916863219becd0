import type { Mark, PreparedSeries } from '@/lib/charts/marks';
import { colorsByName } from '@/lib/charts/palette';
import { OTHER } from './prepare-spend-daily';
import type { QueryRow } from '@/queries';

export type TokenTrendRow = QueryRow<'finance-token-trends'>;

export interface TrendSeries { key: string; label: string; color: string }
export type TrendPoint = { t: number; day: string } & Record<string, number | string | null>;

const DAY = 86_400_000;

/**
 * Average and p95 per series and UTC day, as separate lines (`<key>_avg`, `<key>_p95`). A day
 * without successful requests is null — a gap in the line, not a drop to zero.
 */
export function prepareTokenTrends(rows: TokenTrendRow[], metric: 'input' | 'output', window: { start: string; end: string }): { series: TrendSeries[]; points: TrendPoint[] } {
  const rank = new Map<string, number>();
  for (const r of rows) rank.set(r.series, Math.min(rank.get(r.series) ?? Infinity, r.series === OTHER ? Infinity : r.series_rank));
  const names = [...rank.entries()].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).map(([label]) => label);
  const colors = colorsByName(names);
  const series = names.map((label, i) => ({ key: `s${i}`, label, color: colors.get(label)! }));
  const keyOf = new Map(series.map((s) => [s.label, s.key]));
  const points: TrendPoint[] = [];
  const byDay = new Map<string, TrendPoint>();
  const end = Date.parse(window.end);
  for (let t = Math.floor(Date.parse(window.start) / DAY) * DAY; t < end; t += DAY) {
    const p = { t, day: new Date(t).toISOString().slice(0, 10) } as TrendPoint;
    for (const s of series) { p[`${s.key}_avg`] = null; p[`${s.key}_p95`] = null; }
    points.push(p);
    byDay.set(p.day, p);
  }
  for (const r of rows) {
    const p = byDay.get(r.day.slice(0, 10));
    const key = keyOf.get(r.series);
    if (!p || !key) continue;
    p[`${key}_avg`] = metric === 'input' ? r.avg_input_tokens : r.avg_output_tokens;
    p[`${key}_p95`] = metric === 'input' ? r.p95_input_tokens : r.p95_output_tokens;
  }
  return { series, points };
}

/** The days as a time series (UTC days) with an average line (solid) and a p95 line (dashed) per value: what TimeChart draws. */
export function tokenTrendSeries(p: { series: TrendSeries[]; points: TrendPoint[] }, window: { start: string; end: string }): { data: PreparedSeries; marks: Mark[] } {
  // The day is the bucket's start (t); the chart reads numbers only.
  const points = p.points.map((pt) => Object.fromEntries(Object.entries(pt).filter(([k]) => k !== 'day')) as PreparedSeries['points'][number]);
  return {
    data: { bucket: 'day', tz: 'UTC', series: p.series, points, domain: [points[0]?.t ?? Date.parse(window.start), Date.parse(window.end)], stillArriving: null },
    marks: p.series.flatMap((s): Mark[] => [
      { dataKey: `${s.key}_avg`, name: `${s.label} avg`, color: s.color, kind: 'line' },
      { dataKey: `${s.key}_p95`, name: `${s.label} p95`, color: s.color, kind: 'line', dashed: true },
    ]),
  };
}
