/**
 * Statistics for comparing served entities, computed on aggregates the warehouse returns
 * (counts and latency histograms), never on raw rows. Expected values in stats.test.ts come
 * from scipy and from published worked examples; each test says which.
 */

/** Two-sided 95% normal critical value. */
export const Z95 = 1.959963984540054;

/** Below this many rows per group a test is not run: the page says "not enough data". */
export const MIN_SAMPLE = 30;

/** The z-test for two proportions wants at least this many expected errors and successes per group. */
export const MIN_EXPECTED = 5;

// Complementary error function with relative error < 1.2e-7 everywhere (Numerical Recipes, erfcc),
// so tail p-values stay accurate far below 1e-6.
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return x >= 0 ? r : 2 - r;
}

export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}

/** Two-sided p-value of a standard normal statistic. */
export function twoSidedP(z: number): number {
  return Math.min(1, erfc(Math.abs(z) / Math.SQRT2));
}

export interface Interval { lo: number; hi: number }

/** Wilson score interval for k successes in n trials; null when n is 0. */
export function wilsonInterval(k: number, n: number, z = Z95): Interval | null {
  if (n <= 0) return null;
  const p = k / n;
  const z2 = z * z;
  const d = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / d;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / d;
  return { lo: Math.max(0, centre - half), hi: Math.min(1, centre + half) };
}

export interface Difference extends Interval { diff: number }

/**
 * Difference of two independent proportions, b − a, with Newcombe's hybrid score interval
 * (Newcombe 1998, method 10): well behaved at zero errors and small samples, unlike Wald.
 */
export function newcombeDifference(ka: number, na: number, kb: number, nb: number, z = Z95): Difference | null {
  const a = wilsonInterval(ka, na, z);
  const b = wilsonInterval(kb, nb, z);
  if (!a || !b) return null;
  const pa = ka / na;
  const pb = kb / nb;
  const diff = pb - pa;
  return {
    diff,
    lo: diff - Math.sqrt((pb - b.lo) ** 2 + (a.hi - pa) ** 2),
    hi: diff + Math.sqrt((b.hi - pb) ** 2 + (pa - a.lo) ** 2),
  };
}

export type TestResult = { ok: true; z: number; p: number } | { ok: false; reason: string };

/** Pooled two-proportion z-test (equal to Pearson's χ² without continuity correction). */
export function twoProportionTest(ka: number, na: number, kb: number, nb: number): TestResult {
  if (na < MIN_SAMPLE || nb < MIN_SAMPLE) return { ok: false, reason: `not enough data (needs ≥ ${MIN_SAMPLE} requests per group)` };
  const pooled = (ka + kb) / (na + nb);
  const expectedMin = Math.min(na, nb) * Math.min(pooled, 1 - pooled);
  if (expectedMin < MIN_EXPECTED) {
    return { ok: false, reason: ka + kb === 0 ? 'no errors in either group' : `not enough data (needs ≥ ${MIN_EXPECTED} expected errors per group)` };
  }
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / na + 1 / nb));
  const z = (kb / nb - ka / na) / se;
  return { ok: true, z, p: twoSidedP(z) };
}

/** One histogram bucket, in ascending order of value: how many rows, and the smallest and largest. */
export interface Bin { key: number; count: number; min: number; max: number }

export function totalCount(bins: readonly Bin[]): number {
  return bins.reduce((s, b) => s + b.count, 0);
}

/** The bucket holding the rank-th smallest value (1-based). */
function binAtRank(bins: readonly Bin[], rank: number): Bin {
  let seen = 0;
  for (const b of bins) {
    seen += b.count;
    if (seen >= rank) return b;
  }
  return bins[bins.length - 1]!;
}

export interface QuantileInterval extends Interval { lowerRank: number; upperRank: number; n: number }

/**
 * Distribution-free confidence interval for the p-quantile: the order statistics whose ranks
 * come from the normal approximation to the binomial (Conover, Practical Nonparametric
 * Statistics, §3.2), the upper rank widened by one for continuity. On bucketed data the bounds
 * are the outer edges of the buckets holding those ranks, so the interval only gets wider.
 * Null when the sample is too small for the ranks to exist (e.g. p99 of 100 rows).
 */
export function quantileInterval(bins: readonly Bin[], p: number, z = Z95): QuantileInterval | null {
  const n = totalCount(bins);
  if (n === 0) return null;
  const half = z * Math.sqrt(n * p * (1 - p));
  const lowerRank = Math.floor(n * p - half);
  const upperRank = Math.ceil(n * p + half) + 1;
  if (lowerRank < 1 || upperRank > n) return null;
  return { lo: binAtRank(bins, lowerRank).min, hi: binAtRank(bins, upperRank).max, lowerRank, upperRank, n };
}

/** The smallest sample for which quantileInterval(p) exists. */
export function minSampleForQuantile(p: number, z = Z95): number {
  for (let n = 1; n < 1_000_000; n++) {
    const half = z * Math.sqrt(n * p * (1 - p));
    if (Math.floor(n * p - half) >= 1 && Math.ceil(n * p + half) + 1 <= n) return n;
  }
  return Infinity;
}

/**
 * Difference of the same quantile in two independent samples, b − a. Each standard error is
 * read off its order-statistic interval (width / 2z), as in Price & Bonett (2002) for medians.
 */
export function quantileDifference(a: { estimate: number; interval: Interval }, b: { estimate: number; interval: Interval }, z = Z95): Difference {
  const seA = (a.interval.hi - a.interval.lo) / (2 * z);
  const seB = (b.interval.hi - b.interval.lo) / (2 * z);
  const diff = b.estimate - a.estimate;
  const half = z * Math.sqrt(seA * seA + seB * seB);
  return { diff, lo: diff - half, hi: diff + half };
}

export interface MannWhitney {
  /** U of sample b: the number of (a, b) pairs where b is larger, ties counting one half. */
  u: number;
  z: number;
  p: number;
  /** P(b > a) + ½·P(b = a): 0.5 means no shift; above 0.5, b tends to be larger. */
  superiority: number;
}

/**
 * Mann–Whitney U test of b against a on bucketed data: rows in the same bucket are ties (mid
 * ranks, tie-corrected variance), with a continuity correction, as scipy.stats.mannwhitneyu
 * (method='asymptotic'). Null below MIN_SAMPLE rows in either group.
 */
export function mannWhitney(a: readonly Bin[], b: readonly Bin[], minSample = MIN_SAMPLE): MannWhitney | null {
  const na = totalCount(a);
  const nb = totalCount(b);
  if (na < minSample || nb < minSample) return null;
  const keys = new Map<number, [number, number]>();
  for (const x of a) keys.set(x.key, [(keys.get(x.key)?.[0] ?? 0) + x.count, keys.get(x.key)?.[1] ?? 0]);
  for (const x of b) keys.set(x.key, [keys.get(x.key)?.[0] ?? 0, (keys.get(x.key)?.[1] ?? 0) + x.count]);
  const ordered = [...keys.entries()].sort((x, y) => x[0] - y[0]);
  let below = 0;
  let rankSumB = 0;
  let tieTerm = 0;
  for (const [, [ca, cb]] of ordered) {
    const t = ca + cb;
    rankSumB += cb * (below + (t + 1) / 2);
    tieTerm += t * t * t - t;
    below += t;
  }
  const n = na + nb;
  const u = rankSumB - (nb * (nb + 1)) / 2;
  const mean = (na * nb) / 2;
  const variance = ((na * nb) / 12) * (n + 1 - tieTerm / (n * (n - 1)));
  if (variance <= 0) return { u, z: 0, p: 1, superiority: 0.5 };
  const dev = Math.max(0, Math.abs(u - mean) - 0.5);
  const z = (Math.sign(u - mean) * dev) / Math.sqrt(variance);
  return { u, z, p: twoSidedP(z), superiority: u / (na * nb) };
}

/** Holm's step-down adjustment of a family of p-values (same order as given). */
export function holmAdjust(ps: readonly number[]): number[] {
  const m = ps.length;
  const order = ps.map((p, i) => [p, i] as const).sort((x, y) => x[0] - y[0]);
  const out = new Array<number>(m);
  let running = 0;
  order.forEach(([p, i], rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    out[i] = running;
  });
  return out;
}
