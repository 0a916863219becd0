import { describe, expect, it } from 'vitest';
import { holmAdjust, mannWhitney, minSampleForQuantile, newcombeDifference, normalCdf, quantileDifference, quantileInterval, twoProportionTest, twoSidedP, wilsonInterval, Z95, type Bin } from './stats';

/** Exact data as buckets of one value each (min = max = key). */
const exact = (values: number[]): Bin[] => {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => a[0] - b[0]).map(([v, count]) => ({ key: v, count, min: v, max: v }));
};

// Deterministic "samples" of a standard normal: its quantiles at (i − ½)/n. Acklam's inverse
// normal is enough here: the tests compare to asymptotic theory at the 1% level.
function normalGrid(n: number, shift = 0): number[] {
  return Array.from({ length: n }, (_, i) => invNorm((i + 0.5) / n) + shift);
}
function invNorm(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const q = Math.min(p, 1 - p);
  let x: number;
  if (q < 0.02425) {
    const r = Math.sqrt(-2 * Math.log(q));
    x = (((((c[0]! * r + c[1]!) * r + c[2]!) * r + c[3]!) * r + c[4]!) * r + c[5]!) / ((((d[0]! * r + d[1]!) * r + d[2]!) * r + d[3]!) * r + 1);
    return p < 0.5 ? x : -x;
  }
  const r = p - 0.5;
  const s = r * r;
  return ((((((a[0]! * s + a[1]!) * s + a[2]!) * s + a[3]!) * s + a[4]!) * s + a[5]!) * r) / (((((b[0]! * s + b[1]!) * s + b[2]!) * s + b[3]!) * s + b[4]!) * s + 1);
}

describe('normal distribution', () => {
  // Values from scipy.stats.norm.
  it('matches scipy in the centre and the tails', () => {
    expect(twoSidedP(1.96)).toBeCloseTo(0.04999579, 6);
    expect(normalCdf(3.5)).toBeCloseTo(0.99976737, 6);
    expect(twoSidedP(8) / 2 / 6.22096057427174e-16).toBeCloseTo(1, 5);
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
  });
});

describe('wilsonInterval', () => {
  // Expected: scipy.stats.binomtest(k, n).proportion_ci(method='wilson'); the first four are also
  // Newcombe (1998), Statistics in Medicine 17:857, table I.
  it.each([
    [81, 263, 0.255289, 0.36621],
    [15, 148, 0.062386, 0.160487],
    [0, 20, 0, 0.161125],
    [1, 29, 0.006113, 0.171755],
    [0, 10, 0, 0.277533],
    [10, 10, 0.722467, 1],
  ])('%i of %i', (k, n, lo, hi) => {
    const ci = wilsonInterval(k, n)!;
    expect(ci.lo).toBeCloseTo(lo, 5);
    expect(ci.hi).toBeCloseTo(hi, 5);
  });

  it('has no interval without data', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
  });
});

describe('newcombeDifference', () => {
  it('reproduces the worked example of Newcombe (1998), method 10: 56/70 vs 48/80', () => {
    // Newcombe reports 0.0524 to 0.3339 for p1 − p2; here b − a with a = 48/80, b = 56/70.
    const d = newcombeDifference(48, 80, 56, 70)!;
    expect(d.diff).toBeCloseTo(0.2, 10);
    expect(d.lo).toBeCloseTo(0.052431, 5);
    expect(d.hi).toBeCloseTo(0.333873, 5);
  });

  it('gives a proper interval around zero when neither group has errors', () => {
    const d = newcombeDifference(0, 20, 0, 10)!;
    expect(d.diff).toBe(0);
    // −(upper Wilson bound of 0/20) to +(upper Wilson bound of 0/10).
    expect(d.lo).toBeCloseTo(-0.161125, 5);
    expect(d.hi).toBeCloseTo(0.277533, 5);
  });
});

describe('twoProportionTest', () => {
  // Expected: sqrt and p of scipy.stats.chi2_contingency([[k1, n1-k1], [k2, n2-k2]], correction=False).
  it('matches Pearson χ² for the demo A/B error counts', () => {
    const t = twoProportionTest(233, 11936, 368, 12180);
    expect(t.ok).toBe(true);
    if (!t.ok) return;
    expect(t.z).toBeCloseTo(5.325775, 4);
    expect(t.p / 1.0052345e-7).toBeCloseTo(1, 3);
  });

  it('matches Pearson χ² on a small table', () => {
    const t = twoProportionTest(48, 80, 56, 70);
    expect(t.ok && t.p).toBeCloseTo(0.008045, 5);
  });

  it('refuses tiny samples and zero errors with a reason', () => {
    expect(twoProportionTest(1, 10, 3, 12)).toEqual({ ok: false, reason: expect.stringContaining('not enough data') });
    expect(twoProportionTest(0, 500, 0, 500)).toEqual({ ok: false, reason: 'no errors in either group' });
    expect(twoProportionTest(1, 500, 2, 500)).toEqual({ ok: false, reason: expect.stringContaining('expected errors') });
  });
});

describe('quantileInterval', () => {
  it('matches the exact binomial interval for the median of 1…1000', () => {
    // scipy.stats.quantile_test(np.arange(1, 1001), q=500.5, p=0.5).confidence_interval(0.95) → (469, 532).
    const ci = quantileInterval(exact(Array.from({ length: 1000 }, (_, i) => i + 1)), 0.5)!;
    expect([ci.lo, ci.hi]).toEqual([469, 532]);
  });

  it('uses the outer edges of the buckets holding the ranks', () => {
    const bins: Bin[] = Array.from({ length: 100 }, (_, i) => ({ key: i, count: 10, min: i * 10, max: i * 10 + 9 }));
    const ci = quantileInterval(bins, 0.5)!;
    expect(ci.lowerRank).toBe(469);
    expect(ci.upperRank).toBe(532);
    expect([ci.lo, ci.hi]).toEqual([460, 539]);
  });

  it('gives a standard error matching asymptotic theory on a normal sample', () => {
    // SE of the sample p-quantile: sqrt(p(1−p)/n) / φ(Φ⁻¹(p)) → 0.0125331 (median), 0.0211319 (p95) for n = 10,000.
    const bins = exact(normalGrid(10_000));
    const med = quantileInterval(bins, 0.5)!;
    const p95 = quantileInterval(bins, 0.95)!;
    expect((med.hi - med.lo) / (2 * Z95) / 0.0125331).toBeCloseTo(1, 1);
    expect((p95.hi - p95.lo) / (2 * Z95) / 0.0211319).toBeCloseTo(1, 1);
  });

  it('says "not enough data" (null) when the ranks do not exist', () => {
    expect(quantileInterval(exact(Array.from({ length: 100 }, (_, i) => i)), 0.99)).toBeNull();
    expect(quantileInterval([], 0.5)).toBeNull();
    expect(quantileInterval(exact([1, 2, 3, 4, 5]), 0.5)).toBeNull();
    expect(minSampleForQuantile(0.5)).toBe(8);
    const n99 = minSampleForQuantile(0.99);
    expect(quantileInterval(exact(Array.from({ length: n99 }, (_, i) => i)), 0.99)).not.toBeNull();
    expect(quantileInterval(exact(Array.from({ length: n99 - 1 }, (_, i) => i)), 0.99)).toBeNull();
  });
});

describe('quantileDifference', () => {
  it('recovers a known shift of the median with the theoretical width', () => {
    const a = exact(normalGrid(10_000));
    const b = exact(normalGrid(10_000, 0.5));
    const d = quantileDifference({ estimate: 0, interval: quantileInterval(a, 0.5)! }, { estimate: 0.5, interval: quantileInterval(b, 0.5)! });
    expect(d.diff).toBe(0.5);
    // Half-width 1.96 · √2 · 0.0125331 = 0.03474.
    expect((d.hi - d.lo) / 2 / 0.03474).toBeCloseTo(1, 1);
    expect(d.lo).toBeGreaterThan(0);
  });
});

describe('mannWhitney', () => {
  it('matches scipy.stats.mannwhitneyu with ties and continuity correction', () => {
    // mannwhitneyu(y, x, alternative='two-sided', method='asymptotic', use_continuity=True) → U 82.5, p 0.0553303.
    const x = [1, 2, 2, 3, 3, 3, 4, 5, 5, 9];
    const y = [2, 3, 4, 4, 5, 6, 6, 7, 8, 8, 10];
    const r = mannWhitney(exact(x), exact(y), 1)!;
    expect(r.u).toBe(82.5);
    expect(r.p).toBeCloseTo(0.0553303, 5);
    expect(r.superiority).toBeCloseTo(82.5 / 110, 10);
  });

  it('estimates P(B > A) = Φ(δ/√2) for normals shifted by δ', () => {
    const r = mannWhitney(exact(normalGrid(2000)), exact(normalGrid(2000, 0.5)))!;
    expect(r.superiority).toBeCloseTo(0.63816, 2); // Φ(0.5/√2), scipy.stats.norm.cdf
    expect(r.p).toBeLessThan(1e-6);
    expect(r.z).toBeGreaterThan(0);
  });

  it('finds nothing between identical samples and needs a minimum sample', () => {
    const same = exact(normalGrid(500));
    const r = mannWhitney(same, same)!;
    expect(r.superiority).toBeCloseTo(0.5, 10);
    expect(r.p).toBe(1);
    expect(mannWhitney(exact([1, 2, 3]), exact([4, 5, 6]))).toBeNull();
  });

  it('handles every value tied', () => {
    const r = mannWhitney(exact(Array(40).fill(7)), exact(Array(50).fill(7)))!;
    expect(r).toEqual({ u: 1000, z: 0, p: 1, superiority: 0.5 });
  });
});

describe('holmAdjust', () => {
  it('steps down and keeps the order', () => {
    // By hand: sorted 0.005·4 = 0.02, 0.01·3 = 0.03, 0.03·2 = 0.06, max(0.04·1, 0.06) = 0.06.
    const adj = holmAdjust([0.01, 0.04, 0.03, 0.005]);
    [0.03, 0.06, 0.06, 0.02].forEach((v, i) => expect(adj[i]).toBeCloseTo(v, 12));
    expect(holmAdjust([0.9, 0.8])).toEqual([1, 1]); // 0.8·2 capped at 1, then max(0.9, 1)
    expect(holmAdjust([0.2])).toEqual([0.2]);
  });
});
