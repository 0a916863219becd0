/** Distinguishable on white and for the common colour-vision deficiencies (Okabe–Ito based). */
export const SERIES_COLORS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#4B5563', '#F0E442', '#7C3AED', '#0F766E'];

/** Status classes keep one meaning everywhere. */
export const STATUS_COLORS: Record<string, string> = { ok: '#009E73', '4xx': '#E69F00', '429': '#CC79A7', '5xx': '#D55E00' };

/** Latency percentiles of one series: the further into the tail, the warmer. */
export const PERCENTILE_COLORS = { p50: '#009E73', p95: '#E69F00', p99: '#D55E00' } as const;

/** Two sides of one exchange (NULL request bodies, NULL response bodies). */
export const BODY_COLORS = { request: '#0072B2', response: '#D55E00' } as const;

/** Everything on a chart that is not a series: grid, axis labels, shading, marks, totals. */
export const CHART_COLORS = {
  grid: '#e2e8f0',
  axisLabel: '#64748b',
  stillArriving: '#94a3b8',
  stillArrivingText: '#475569',
  change: '#7C3AED',
  changeText: '#6D28D9',
  /** "(other)": the values beyond the top N, summed. */
  other: '#94a3b8',
  /** A line over bars (the error rate over failed requests). */
  overlay: '#111827',
  /** A chart with a single series (a histogram, the payload side of completeness). */
  single: '#0072B2',
  /** The reference a single series is compared with (endpoint_usage in completeness). */
  reference: '#4B5563',
} as const;

export const OTHER_LABEL = '(other)';

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * A colour per series name, the same on every page: a model or served entity is hashed to its
 * slot of the palette, so its colour does not depend on its rank in one chart. Two names that
 * hash to the same slot within one chart: the later one (in name order) takes the next free
 * slot. Status classes and "(other)" keep their fixed colours; `fixed` adds more.
 */
export function colorsByName(labels: Iterable<string>, fixed: Readonly<Record<string, string>> = {}): Map<string, string> {
  const out = new Map<string, string>();
  const taken = new Set<string>();
  const fixedOf = (l: string) => fixed[l] ?? STATUS_COLORS[l] ?? (l === OTHER_LABEL ? CHART_COLORS.other : undefined);
  const names = [...new Set(labels)].sort();
  for (const l of names) {
    const c = fixedOf(l);
    if (c) { out.set(l, c); taken.add(c); }
  }
  for (const l of names) {
    if (out.has(l)) continue;
    const start = hash(l) % SERIES_COLORS.length;
    let slot = start;
    for (let i = 0; i < SERIES_COLORS.length && taken.has(SERIES_COLORS[slot]!); i++) slot = (start + i + 1) % SERIES_COLORS.length;
    out.set(l, SERIES_COLORS[slot]!);
    taken.add(SERIES_COLORS[slot]!);
  }
  return out;
}
