export interface CompletenessRow { bucket: string; status_code: number; usage_requests: number; payload_requests: number }
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
