import { STILL_ARRIVING_MS } from '@/lib/time/freshness';

/**
 * How long a query result over `window` may be reused. Rows keep landing for about an hour, so a
 * window reaching into the last two hours is short-lived; one that closed long ago is stable.
 */
export function cacheTtlMs(window: { start: Date; end: Date }, now: number): number {
  const age = now - window.end.getTime();
  if (age < 2 * STILL_ARRIVING_MS) return 30_000;
  if (age < 48 * 3_600_000) return 5 * 60_000;
  return 60 * 60_000;
}
