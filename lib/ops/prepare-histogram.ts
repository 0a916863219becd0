import type { QueryRow } from '@/queries';
import { formatMs } from '@/lib/charts/format';

export type HistogramRow = QueryRow<'ops-latency-histogram'>;
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
    const lower = 10 ** (b / 4);
    const upper = 10 ** ((b + 1) / 4);
    out.push({ bin: b, label: formatMs(lower), range: `${formatMs(lower)} – ${formatMs(upper)}`, requests: byBin.get(b)?.requests ?? 0, lowerMs: lower, upperMs: upper });
  }
  return out;
}
