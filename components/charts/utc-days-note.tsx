import { reportingZone, type DashboardState } from '@/lib/client/search-params';

/** Beside a chart whose query cuts days at UTC midnight: says so when another zone is chosen, rather than mislabel. */
export function UtcDaysNote({ state }: { state: DashboardState }) {
  const tz = reportingZone(state);
  if (tz === 'UTC') return null;
  return <span className="ml-1 font-medium text-amber-800" data-testid="utc-days-note">UTC days: these days run from midnight UTC, not midnight {tz}.</span>;
}
