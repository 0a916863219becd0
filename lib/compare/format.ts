import type { Difference, Interval } from './stats';

// Statistics on the compare page (intervals, differences, p-values); plain numbers: lib/charts/format.

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

