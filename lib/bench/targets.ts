/**
 * The performance targets of issue 8 (2-core machine, 10M requests, embedded engine). They are
 * evaluated at every size: a target missed at 1M rows is missed at 10M too.
 */
export type RouteKind = 'chart' | 'search' | 'detail';

export interface RouteTarget {
  p50Ms: number;
  /** Route wall time over the raw engine time of the same SQL. */
  maxRatio: number | null;
}

export const ROUTE_TARGETS: Record<RouteKind, RouteTarget> = {
  chart: { p50Ms: 300, maxRatio: 1.2 },
  search: { p50Ms: 1000, maxRatio: null },
  detail: { p50Ms: 100, maxRatio: null },
};

export const PAGE_TARGETS = { drawMs: 2000, firstLoadJsGzipBytes: 250 * 1024 };

export type Verdict = 'PASS' | 'MISS' | 'n/a';

export interface Evaluation {
  verdict: Verdict;
  /** Why a target was missed, one short phrase each. */
  reasons: string[];
}

export function describeRouteTarget(kind: RouteKind): string {
  const t = ROUTE_TARGETS[kind];
  return t.maxRatio === null ? `p50 ≤ ${t.p50Ms} ms` : `p50 ≤ ${t.p50Ms} ms, ≤ ${t.maxRatio}× raw`;
}

export function evaluateRoute(kind: RouteKind, p50Ms: number | null, ratio: number | null): Evaluation {
  if (p50Ms === null) return { verdict: 'n/a', reasons: ['no successful run'] };
  const t = ROUTE_TARGETS[kind];
  const reasons: string[] = [];
  if (p50Ms > t.p50Ms) reasons.push(`p50 ${Math.round(p50Ms)} ms > ${t.p50Ms} ms`);
  if (t.maxRatio !== null && ratio !== null && ratio > t.maxRatio) reasons.push(`${ratio.toFixed(2)}× raw > ${t.maxRatio}×`);
  return { verdict: reasons.length ? 'MISS' : 'PASS', reasons };
}

export function evaluatePage(drawMs: number | null, jsGzipBytes: number | null, failedCharts: number): Evaluation {
  if (drawMs === null) return { verdict: 'MISS', reasons: ['never finished drawing'] };
  const reasons: string[] = [];
  if (drawMs > PAGE_TARGETS.drawMs) reasons.push(`drawn in ${Math.round(drawMs)} ms > ${PAGE_TARGETS.drawMs} ms`);
  if (jsGzipBytes !== null && jsGzipBytes > PAGE_TARGETS.firstLoadJsGzipBytes) {
    reasons.push(`JS ${(jsGzipBytes / 1024).toFixed(0)} kB > ${PAGE_TARGETS.firstLoadJsGzipBytes / 1024} kB gzipped`);
  }
  // A chart that ends in its error state is "drawn" quickly but is not a pass.
  if (failedCharts > 0) reasons.push(`${failedCharts} chart${failedCharts === 1 ? '' : 's'} in the error state`);
  return { verdict: reasons.length ? 'MISS' : 'PASS', reasons };
}
