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

/*
 * Colours given to series names so far, first come first served: the same model keeps its colour
 * on every page, whatever else a chart shows. Kept in the tab (and in localStorage, so a reload
 * keeps them); the filter bar registers the window's endpoints and entities in name order, so the
 * first assignment does not depend on which chart drew first.
 */
const STORE = 'gateway-lens:series-colours';
let assigned: Map<string, string> | null = null;

function registry(): Map<string, string> {
  if (assigned) return assigned;
  assigned = new Map();
  try {
    if (typeof localStorage !== 'undefined') {
      const stored = JSON.parse(localStorage.getItem(STORE) ?? '{}') as Record<string, string>;
      for (const [k, v] of Object.entries(stored)) if (SERIES_COLORS.includes(v)) assigned.set(k, v);
    }
  } catch {
    // Unreadable storage: colours are assigned afresh.
  }
  return assigned;
}

function assign(name: string): string {
  const reg = registry();
  const known = reg.get(name);
  if (known) return known;
  const used = new Set(reg.values());
  const start = hash(name) % SERIES_COLORS.length;
  let slot = start;
  for (let i = 0; i < SERIES_COLORS.length && used.has(SERIES_COLORS[slot]!); i++) slot = (start + i + 1) % SERIES_COLORS.length;
  reg.set(name, SERIES_COLORS[slot]!);
  try {
    if (typeof localStorage !== 'undefined') localStorage.setItem(STORE, JSON.stringify(Object.fromEntries(reg)));
  } catch {
    // Storage full or off: the colour holds for this tab.
  }
  return SERIES_COLORS[slot]!;
}

/** Gives the names their colours in name order (the filter bar's endpoints and entities), before any chart asks. */
export function registerSeriesNames(names: Iterable<string>): void {
  for (const n of [...new Set(names)].sort()) assign(n);
}

/** Forgets every assignment (tests). */
export function resetSeriesColours(): void {
  assigned = new Map();
}

/**
 * A colour per series name, the same on every page: each name keeps the colour it was first given
 * (its hashed slot of the palette unless another name holds it). Status classes and "(other)"
 * keep their fixed colours; `fixed` adds more. Should two names of one chart share a colour (more
 * names than the palette has), the later one in name order takes a colour the chart does not use.
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
    let c = assign(l);
    if (taken.has(c)) c = SERIES_COLORS.find((x) => !taken.has(x)) ?? c;
    out.set(l, c);
    taken.add(c);
  }
  return out;
}
