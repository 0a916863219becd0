/**
 * The instants tests pin the dashboard's clock to (CLOCK_NOW). Demo data ends at the pinned
 * "now", so a test answers the same whatever the hour it runs. The guard run (`npm run
 * test:clock`) repeats every suite that can see the clock (lib/testing/clock-reach.ts) just after
 * midnight of another weekday, so a test that depends on the time of day or on day boundaries
 * fails there instead of at random in CI.
 */
export const TEST_CLOCK_NOW = '2026-11-22T12:34:00Z';
export const TEST_CLOCK_GUARD = '2026-11-25T00:07:00Z';
