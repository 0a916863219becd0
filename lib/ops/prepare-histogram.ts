import type { QueryRow } from '@/queries';
import { formatMs } from '@/lib/charts/format';

export type HistogramRow = QueryRow<'ops-latency-histogram'>;
/** A bar's width in natural-log units: 29 of the latency histogram's bins of 1/50 (about ×1.79). */
const BAR_LOG_WIDTH = 29 / 50;

/** The edges of bar `b` in ms, as queries/ops-latency-histogram.sql computes them (bar -1 holds 0 ms). */
export function histogramEdges(b: number): [number, number] {
  return [b < 0 ? 0 : Math.exp(b * BAR_LOG_WIDTH), Math.exp((b + 1) * BAR_LOG_WIDTH)];
}

export interface HistogramBar { bin: number; label: string; range: string; requests: number; lowerMs: number; upperMs: number }

/**
 * Histogram rows → one bar per bin from the lowest to the highest seen; empty bins in between
 * are real zeros (no request took that long), so the shape is not squeezed.
 */
export function prepareHistogram(rows: HistogramRow[]): HistogramBar[] {
  if (rows.length === 0) return [];
  const byBin = new Map(rows.map((r) => [r.bin, r]));
  const lo = Math.min(...rows.map((r) => r.bin));
  const hi = Math.max(...rows.map((r) => r.bin));
  const out: HistogramBar[] = [];
  for (let b = lo; b <= hi; b++) {
    const [lower, upper] = histogramEdges(b);
    out.push({ bin: b, label: formatMs(lower), range: `${formatMs(lower)} – ${formatMs(upper)}`, requests: byBin.get(b)?.requests ?? 0, lowerMs: lower, upperMs: upper });
  }
  return out;
}
