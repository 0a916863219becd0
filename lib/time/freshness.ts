/** Inference tables land up to about an hour late: the last hour of any chart is still filling. */
export const STILL_ARRIVING_MS = 60 * 60_000;

/** The part of the window whose rows may not have landed yet, or null when the window is closed. */
export function stillArrivingWindow(window: { start: number; end: number }, now: number): { from: number; to: number } | null {
  const from = Math.max(window.start, now - STILL_ARRIVING_MS);
  return from < window.end ? { from, to: window.end } : null;
}
