import type { Difference, Interval } from './stats';

const ms0 = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const s2 = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2, minimumFractionDigits: 2 });
const one = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** Latency with its unit: "894 ms", "1.71 s". */
export function formatMs(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  return Math.abs(v) < 1000 ? `${ms0.format(v)} ms` : `${s2.format(v / 1000)} s`;
}

/** A signed latency difference: "+814 ms", "−1.20 s". */
export function formatMsDiff(v: number): string {
  return `${v > 0 ? '+' : v < 0 ? '−' : '±'}${formatMs(Math.abs(v))}`;
}

/** A proportion as a percentage with enough digits for small error rates. */
export function formatPct(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  const pct = v * 100;
  const digits = pct !== 0 && Math.abs(pct) < 1 ? 2 : 1;
  return `${pct.toFixed(digits)}%`;
}

/** A difference of proportions in percentage points: "+0.98 pp". */
export function formatPp(v: number): string {
  const pp = v * 100;
  return `${pp > 0 ? '+' : pp < 0 ? '−' : '±'}${Math.abs(pp).toFixed(2)} pp`;
}

export function formatInterval(ci: Interval | null, f: (v: number) => string): string {
  return ci ? `${f(ci.lo)} – ${f(ci.hi)}` : '–';
}

export function formatDifference(d: Difference | null, f: (v: number) => string): string {
  return d ? `${f(d.diff)} (95% CI ${f(d.lo)} to ${f(d.hi)})` : '–';
}

/** p-values: small ones in scientific notation, never "0". */
export function formatP(p: number): string {
  if (p < 1e-4) return `< 0.0001`;
  return p < 0.01 ? p.toFixed(4) : p.toFixed(3);
}

export function formatTokens(v: number | null | undefined): string {
  return v === null || v === undefined || !Number.isFinite(v) ? '–' : one.format(v);
}

/** Cost per request: "unpriced" without a price, never $0. */
export function formatCost(v: number | null, currency = 'USD'): string {
  if (v === null) return 'unpriced';
  return new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumSignificantDigits: 3 }).format(v);
}
