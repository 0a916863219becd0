'use client';

import { ChartCard } from '@/components/chart-card';
import { queryUrl } from '@/lib/client/api';
import { apiFilters, reportingZone, type DashboardState } from '@/lib/client/search-params';
import { useEntityHistory } from '@/lib/compare/use-compare';
import { formatZonedTimestamp } from '@/lib/time/zone';

const cell = 'px-2 py-1.5';

/** Every served_entities row of the endpoint, newest first: which model and version served when. */
export function EntityHistory({ state }: { state: DashboardState }) {
  const query = useEntityHistory(state);
  const tz = reportingZone(state);
  return (
    <ChartCard
      testId="compare-history"
      title="Configuration history"
      subtitle={<>system.serving.served_entities, one row per change; times in {tz}. The latest row of each entity names it above.</>}
      query={query}
      csvHref={queryUrl('compare-entity-history', { ...apiFilters(state), served_entity: undefined }, 'csv')}
      isEmpty={(d) => d.rows.length === 0}
      empty={<>No served_entities rows for {state.endpoint}: the table may not be readable by this app, or the endpoint is not a serving endpoint.</>}
    >
      {(d) => (
        <div className="max-h-72 overflow-auto">
          <table className="w-full text-sm">
            <thead className="sticky top-0 border-b border-slate-200 bg-white text-left text-xs text-slate-500">
              <tr><th className={cell}>Changed ({tz})</th><th className={cell}>Config</th><th className={cell}>Served entity</th><th className={cell}>Model · version</th><th className={cell}>Type</th><th className={cell}>By</th><th className={cell}></th></tr>
            </thead>
            <tbody>
              {[...d.rows].sort((a, b) => b.change_time.localeCompare(a.change_time) || a.served_entity_id.localeCompare(b.served_entity_id)).map((h) => (
                <tr key={`${h.served_entity_id}-${h.change_time}-${h.endpoint_config_version}`} className="border-b border-slate-100">
                  <td className={`${cell} tabular-nums`}>{formatZonedTimestamp(Date.parse(h.change_time), tz).replace(` ${tz}`, '')}</td>
                  <td className={cell}>v{h.endpoint_config_version ?? '?'}</td>
                  <td className={cell}>{h.served_entity_name ?? h.served_entity_id}</td>
                  <td className={cell}>{h.entity_name ?? '–'} · {h.entity_version ?? '–'}</td>
                  <td className={`${cell} text-xs text-slate-500`}>{h.entity_type ?? '–'}</td>
                  <td className={`${cell} text-xs text-slate-500`}>{h.created_by ?? '–'}</td>
                  <td className={`${cell} text-xs`}>{h.endpoint_delete_time ? 'endpoint deleted' : h.is_latest ? 'current' : 'earlier'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </ChartCard>
  );
}
