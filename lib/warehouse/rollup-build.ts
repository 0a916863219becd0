/**
 * Where an embedded rollup build stands, for the health report (and the page-wide notice), kept
 * beside the table health: set by the build as it goes, cleared when it ends. On globalThis like
 * the rollup state: the instrumentation bundle builds, the routes read.
 */
export interface RollupBuildStatus {
  /** Parts written (resumed parts included) and the parts in all. */
  part: number;
  parts: number;
  /** Estimated from this build's own parts so far; null before its first part. */
  secondsLeft: number | null;
  /** When this process started the build (ISO). */
  since: string;
}

type Holder = { __gatewayRollupBuild?: RollupBuildStatus | null };
const holder = globalThis as unknown as Holder;

export function setRollupBuildStatus(status: RollupBuildStatus | null): void {
  holder.__gatewayRollupBuild = status;
}

export function rollupBuildStatus(): RollupBuildStatus | null {
  return holder.__gatewayRollupBuild ?? null;
}
