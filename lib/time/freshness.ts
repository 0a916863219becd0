/** Inference tables land up to about an hour late: the last hour of any chart is still filling. */
export const STILL_ARRIVING_MS = 60 * 60_000;

/** The part of the window whose rows may not have landed yet, or null when the window is closed. */
export function stillArrivingWindow(window: { start: number; end: number }, now: number): { from: number; to: number } | null {
  const from = Math.max(window.start, now - STILL_ARRIVING_MS);
  return from < window.end ? { from, to: window.end } : null;
}

export interface Freshness { source: string; latest: number; ageMs: number; status: 'fresh' | 'arriving' | 'stale' }

/**
 * How old each table's newest row is at `now`. Within the still-arriving window (about an hour)
 * a lag is normal delivery; beyond three times that it is worth a look.
 */
export function freshnessOf(source: string, latestIso: string, now: number): Freshness {
  const latest = Date.parse(latestIso);
  const ageMs = Math.max(0, now - latest);
  const status = ageMs <= 10 * 60_000 ? 'fresh' : ageMs <= 3 * STILL_ARRIVING_MS ? 'arriving' : 'stale';
  return { source, latest, ageMs, status };
}

/** `4 min`, `2 h 05 min`, `3 d 4 h`. */
export function formatAge(ms: number): string {
  const min = Math.floor(ms / 60_000);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 48) return `${h} h ${String(min % 60).padStart(2, '0')} min`;
  return `${Math.floor(h / 24)} d ${h % 24} h`;
}
