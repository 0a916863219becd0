'use client';

import { ChartCard } from '@/components/chart-card';
import { queryUrl } from '@/lib/client/api';
import { apiFilters, isLive, reportingZone, type DashboardState } from '@/lib/client/search-params';
import { useCatalogueQuery } from '@/lib/client/use-catalogue-query';
import { formatAge, freshnessOf } from '@/lib/ops/prepare-freshness';
import { isUnreadable } from '@/lib/ops/prepare-completeness';
import { formatZonedTimestamp } from '@/lib/time/zone';

const BADGE = { fresh: 'bg-emerald-100 text-emerald-800', arriving: 'bg-amber-100 text-amber-800', stale: 'bg-red-100 text-red-800' } as const;
const STATUS_TEXT = { fresh: 'up to date', arriving: 'still arriving', stale: 'stale' } as const;

/** Newest row per table, whatever the range: the payload tables lag by up to about an hour. */
export function FreshnessPanel({ state }: { state: DashboardState }) {
  const params = { range: '1h', endpoint: state.endpoint };
  const query = useCatalogueQuery('ops-freshness', params, { live: isLive(state) });
  const usage = useCatalogueQuery('ops-usage-freshness', { range: '1h' }, { live: isLive(state) });
  const tz = reportingZone(state);
  const row = (source: string, latestIso: string, now: number) => {
    const f = freshnessOf(source, latestIso, now);
    return (
      <tr key={source} className="border-t border-slate-100">
        <td className="py-1 pr-3">{source}</td>
        <td className="pr-3 tabular-nums">{formatZonedTimestamp(f.latest, tz, true)}</td>
        <td className="pr-3 tabular-nums">{formatAge(f.ageMs)} ago</td>
        <td><span className={`rounded px-2 py-0.5 text-xs ${BADGE[f.status]}`}>{STATUS_TEXT[f.status]}</span></td>
      </tr>
    );
  };
  return (
    <ChartCard
      testId="freshness"
      title="Data freshness"
      subtitle={<>Newest request_time per table in the last three days. Inference tables land up to about an hour late, so every time chart shades its last hour as still arriving.</>}
      query={query}
      csvHref={queryUrl('ops-freshness', { ...apiFilters(state), ...params }, 'csv')}
      isEmpty={(d) => d.rows.length === 0}
      empty={<>No payload rows in the last three days: logging may be off or broken.</>}
    >
      {(d) => (
        <div className="overflow-x-auto"><table className="w-full min-w-[30rem] text-left text-sm">
          <thead className="text-xs text-slate-500"><tr><th className="py-1 pr-3">Table</th><th className="pr-3">Newest row</th><th className="pr-3">Age</th><th>State</th></tr></thead>
          <tbody>
            {d.rows.map((r) => row(`${r.endpoint_name} payload`, r.latest_request_time, Date.parse(d.now)))}
            {usage.data?.rows[0]?.latest_request_time && row('endpoint_usage', usage.data.rows[0].latest_request_time, Date.parse(usage.data.now))}
            {usage.error && (
              <tr className="border-t border-slate-100 text-slate-500"><td className="py-1 pr-3">endpoint_usage</td><td colSpan={3}>{isUnreadable(usage.error) ? 'not readable with this identity' : `could not be read: ${usage.error.message}`}</td></tr>
            )}
          </tbody>
        </table></div>
      )}
    </ChartCard>
  );
}
