import type { PreparedSeries } from './prepare-series';
import type { QueryRow } from '@/queries';

export type CompletenessRow = QueryRow<'ops-completeness'>;
export interface StatusGap { status_code: number; usage: number; logged: number; missing: number; missingShare: number | null }

/**
 * Per status code over the window: requests endpoint_usage counted, requests the payload tables
 * logged (weighted), and the shortfall. Sums of the query's per-bucket sums, so still exact.
 */
export function completenessByStatus(rows: CompletenessRow[]): StatusGap[] {
  const by = new Map<number, { usage: number; logged: number }>();
  for (const r of rows) {
    const g = by.get(r.status_code) ?? { usage: 0, logged: 0 };
    g.usage += r.usage_requests;
    g.logged += r.payload_requests;
    by.set(r.status_code, g);
  }
  return [...by.entries()]
    .map(([status_code, g]) => {
      const missing = Math.max(0, g.usage - g.logged);
      return { status_code, usage: g.usage, logged: g.logged, missing, missingShare: g.usage > 0 ? missing / g.usage : null };
    })
    .sort((a, b) => b.missing - a.missing || a.status_code - b.status_code);
}

/** Whether an API failure means "this table cannot be read here", shown as guidance rather than an error. */
export function isUnreadable(err: unknown): boolean {
  const kind = (err as { kind?: unknown } | null)?.kind;
  return kind === 'permission' || kind === 'not_found';
}

/**
 * Per bucket, both counts summed over status codes (rows come one per bucket and status), as
 * `s0_usage` / `s0_logged` on the prepared points; a bucket without rows stays zero.
 */
export function completenessSeries(p: PreparedSeries, rows: CompletenessRow[]): PreparedSeries {
  const by = new Map<number, { usage: number; logged: number }>();
  for (const r of rows) {
    const t = Date.parse(r.bucket);
    const g = by.get(t) ?? { usage: 0, logged: 0 };
    g.usage += r.usage_requests;
    g.logged += r.payload_requests;
    by.set(t, g);
  }
  return { ...p, points: p.points.map((pt) => ({ ...pt, s0_usage: by.get(pt.t)?.usage ?? 0, s0_logged: by.get(pt.t)?.logged ?? 0 })) };
}
