'use client';

import { ChartCard } from '@/components/chart-card';
import { queryUrl } from '@/lib/client/api';
import { apiFilters, isLive, reportingZone, type DashboardState } from '@/lib/client/search-params';
import { useCatalogueQuery } from '@/lib/client/use-catalogue-query';
import { formatZonedTimestamp } from '@/lib/time/zone';
import { RequestLink } from '@/components/request-link';
import { formatMs } from '@/lib/charts/format';


export function SlowestRequests({ state }: { state: DashboardState }) {
  const params = apiFilters(state);
  const query = useCatalogueQuery('ops-slowest-requests', params, { live: isLive(state) });
  const tz = reportingZone(state);
  return (
    <ChartCard
      testId="slowest-requests"
      title="Slowest requests"
      subtitle={<>The 25 longest execution times in the range; each opens in the request inspector.</>}
      query={query}
      csvHref={queryUrl('ops-slowest-requests', params, 'csv')}
      isEmpty={(d) => d.rows.length === 0}
      empty={<>No requests in this range.</>}
    >
      {(d) => (
        <div className="max-h-80 overflow-auto">
          <table className="sticky-first w-full min-w-[36rem] text-left text-sm">
            <thead className="sticky top-0 bg-white text-xs text-slate-500">
              <tr><th className="py-1 pr-3">Request</th><th className="pr-3">Time ({tz})</th><th className="pr-3">Endpoint / entity</th><th className="pr-3 text-right">Duration</th><th className="pr-3 text-right">Status</th><th className="pr-3 text-right">Output tokens</th><th>Requester</th></tr>
            </thead>
            <tbody>
              {d.rows.map((r) => (
                <tr key={r.databricks_request_id} className="border-t border-slate-100">
                  <td className="py-1 pr-3"><RequestLink id={r.databricks_request_id} endpoint={r.endpoint_name} at={r.request_time} /></td>
                  <td className="pr-3 whitespace-nowrap tabular-nums">{formatZonedTimestamp(Date.parse(r.request_time), tz, true).replace(` ${tz}`, '')}</td>
                  <td className="pr-3">{r.endpoint_name}{r.served_entity ? ` · ${r.served_entity}` : ''}</td>
                  <td className="pr-3 text-right font-semibold tabular-nums">{formatMs(r.execution_duration_ms)}</td>
                  <td className="pr-3 text-right tabular-nums">{r.status_code}</td>
                  <td className="pr-3 text-right tabular-nums">{r.output_tokens ?? '–'}</td>
                  <td className="max-w-48 truncate" title={r.requester ?? undefined}>{r.requester ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </ChartCard>
  );
}
