/**
 * The dashboard's "now": the wall clock, or the instant in `CLOCK_NOW` when it is pinned — tests,
 * screenshots and demos of a fixed moment answer the same whatever the hour. Relative ranges,
 * freshness and cache ages read it; timers and TTLs of in-process caches keep the wall clock.
 */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Why a `CLOCK_NOW` value is refused, or null when it is a valid instant (or unset). */
export function clockProblem(value: string | undefined): string | null {
  if (value === undefined || value === '') return null;
  if (!ISO_INSTANT.test(value) || Number.isNaN(Date.parse(value))) return 'expected an ISO 8601 instant with a zone, e.g. 2026-11-22T12:34:00Z';
  return null;
}

/** An instant the clock reads while `atInstant` runs a synchronous function; null otherwise. */
let probing: number | null = null;

/**
 * Runs a synchronous function with the clock reading `at` (lib/catalogue/unattended.ts probes how
 * a query binds its parameters at several instants). Nothing else can run in between.
 */
export function atInstant<T>(at: Date, fn: () => T): T {
  const before = probing;
  probing = at.getTime();
  try {
    return fn();
  } finally {
    probing = before;
  }
}

export function nowMs(): number {
  if (probing !== null) return probing;
  const pinned = process.env.CLOCK_NOW;
  if (!pinned) return Date.now();
  const problem = clockProblem(pinned);
  if (problem) throw new Error(`CLOCK_NOW=${JSON.stringify(pinned)}: ${problem}`);
  return Date.parse(pinned);
}

export function now(): Date {
  return new Date(nowMs());
}
