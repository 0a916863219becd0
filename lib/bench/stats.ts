/** Order statistics of a handful of timings: linear interpolation between closest ranks (R type 7, numpy's default). */
export function percentile(values: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`percentile: p must be within 0..1, got ${p}`);
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

export interface Summary {
  n: number;
  p50: number | null;
  p95: number | null;
  min: number | null;
  max: number | null;
}

export function summarise(values: readonly number[]): Summary {
  const finite = values.filter((v) => Number.isFinite(v));
  return {
    n: finite.length,
    p50: percentile(finite, 0.5),
    p95: percentile(finite, 0.95),
    min: finite.length ? Math.min(...finite) : null,
    max: finite.length ? Math.max(...finite) : null,
  };
}

/** Route wall time over the engine's own time for the same SQL; null when either is unknown or the engine took no measurable time. */
export function overheadRatio(routeMs: number | null, rawMs: number | null): number | null {
  if (routeMs === null || rawMs === null || !(rawMs > 0)) return null;
  return routeMs / rawMs;
}
