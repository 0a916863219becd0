import type { Mark } from '@/lib/charts/marks';
import { BODY_COLORS, CHART_COLORS, PERCENTILE_COLORS } from '@/lib/charts/palette';
import { CATEGORY_LABEL, type ErrorCategory } from './error-categories';
import type { PreparedSeries } from './prepare-series';

/*
 * Which marks each ops time chart draws from its prepared series: counts stack, measurements are
 * lines (a p99 stacked on a p95 would read as a sum), a coarse bucket adds its busiest minute.
 */

/** Requests per minute per series, and the busiest minute of each coarse bucket dashed beside it. */
export function trafficMarks(p: PreparedSeries): Mark[] {
  const coarse = p.bucket !== 'minute';
  return p.series.flatMap((s) => [
    { dataKey: `${s.key}_qpm`, name: `${s.label} (avg/min)`, color: s.color, kind: 'line' as const },
    ...(coarse ? [{ dataKey: `${s.key}_peak`, name: `${s.label} (busiest minute)`, color: s.color, kind: 'line' as const, dashed: true }] : []),
  ]);
}

/** All three percentiles of one series, or the chosen percentile of each series. */
export function latencyMarks(p: PreparedSeries, split: boolean, percentile: 'p50' | 'p95' | 'p99'): Mark[] {
  // Each percentile says how many requests it stands on (the series' `n`), so thin buckets are marked.
  if (split) return p.series.map((s) => ({ dataKey: `${s.key}_${percentile}`, name: `${s.label} ${percentile}`, color: s.color, kind: 'line', sampleKey: `${s.key}_n` }));
  return (['p50', 'p95', 'p99'] as const).map((q) => ({ dataKey: `s0_${q}`, name: q, color: PERCENTILE_COLORS[q], kind: 'line', sampleKey: 's0_n' }));
}

/** Failed requests stacked by category (the ok series is the rate's denominator, not a bar), the rate on the right. */
export function errorMarks(p: PreparedSeries): Mark[] {
  return [
    ...p.series.filter((s) => s.label !== 'ok').map((s) => ({ dataKey: `${s.key}_n`, name: CATEGORY_LABEL[s.label as ErrorCategory] ?? s.label, color: s.color, kind: 'bar' as const, stackId: 'errors' })),
    { dataKey: 'error_rate', name: 'Error rate', color: CHART_COLORS.overlay, kind: 'line', axis: 'right' },
  ];
}

/** One count per series (logging error codes): stacked bars. */
export function stackedCountMarks(p: PreparedSeries, field: string, stackId: string): Mark[] {
  return p.series.map((s) => ({ dataKey: `${s.key}_${field}`, name: s.label, color: s.color, kind: 'bar', stackId }));
}

/** One line per series for a field; `known` leaves out series without a single value (output speed of embeddings). */
export function lineMarks(p: PreparedSeries, field: string, opts: { knownOnly?: boolean } = {}): Mark[] {
  const shown = opts.knownOnly ? p.series.filter((s) => p.points.some((pt) => pt[`${s.key}_${field}`] !== null)) : p.series;
  return shown.map((s) => ({ dataKey: `${s.key}_${field}`, name: s.label, color: s.color, kind: 'line' }));
}

/** endpoint_usage (every request) solid, the weighted payload count dashed against it. */
export const COMPLETENESS_MARKS: Mark[] = [
  { dataKey: 's0_usage', name: 'endpoint_usage (every request)', color: CHART_COLORS.reference, kind: 'line' },
  { dataKey: 's0_logged', name: 'payload tables (logged, weighted)', color: CHART_COLORS.single, kind: 'line', dashed: true },
];

export const NULL_BODY_MARKS: Mark[] = [
  { dataKey: 's0_req', name: 'NULL request', color: BODY_COLORS.request, kind: 'line' },
  { dataKey: 's0_res', name: 'NULL response', color: BODY_COLORS.response, kind: 'line' },
];
