'use client';

import { useMemo } from 'react';
import { ChartCard } from '@/components/chart-card';
import { TimeChart } from '@/components/charts/time-chart';
import { UnreadablePanel } from '@/components/unreadable-panel';
import { formatCount, formatPercent } from '@/lib/charts/format';
import { queryUrl } from '@/lib/client/api';
import { apiTimeFilters, isLive, type DashboardState } from '@/lib/client/search-params';
import { useCatalogueQuery } from '@/lib/client/use-catalogue-query';
import { completenessByStatus, completenessSeries, isUnreadable } from '@/lib/ops/prepare-completeness';
import { COMPLETENESS_MARKS } from '@/lib/ops/prepare-marks';
import { usePreparedSeries } from '@/lib/ops/use-prepared';

/** endpoint_usage (every request) against the payload tables (what was logged), with the gap by status. */
export function ChartLineCompleteness({ state }: { state: DashboardState }) {
  const params = apiTimeFilters(state);
  const query = useCatalogueQuery('ops-completeness', params, { live: isLive(state) });
  const prepared = usePreparedSeries(query, {
    seriesOf: () => 'all',
    values: { usage: () => 0, logged: () => 0 },
    missing: 'zero',
  });
  const summed = useMemo(() => (prepared && query.data ? completenessSeries(prepared, query.data.rows) : null), [prepared, query.data]);
  const gaps = useMemo(() => completenessByStatus(query.data?.rows ?? []).filter((g) => g.missing >= 1), [query.data]);

  if (isUnreadable(query.error) && !query.data) {
    return (
      <UnreadablePanel title="Logging completeness" testId="completeness">
        system.serving.endpoint_usage cannot be read with this identity ({query.error?.message}). It counts every request, logged or not; without it the dashboard cannot tell how many requests the payload tables missed. Grant SELECT on it to the app&apos;s service principal to see this panel.
      </UnreadablePanel>
    );
  }
  return (
    <ChartCard
      testId="completeness"
      title="Logging completeness"
      subtitle={<>Requests counted by endpoint_usage against requests logged in the payload tables (sampling-weighted); 401/403/429/500 are often not logged.</>}
      query={query}
      csvHref={queryUrl('ops-completeness', params, 'csv')}
      isEmpty={(d) => d.rows.length === 0}
      empty={<>No requests in this range in either table.</>}
    >
      {() => summed && (
        <div className="grid gap-4 lg:grid-cols-3">
          <div className="lg:col-span-2">
            <TimeChart data={summed} height="h-56" label="endpoint_usage against payload rows" left={{ label: 'requests', format: formatCount }} marks={COMPLETENESS_MARKS} drill={{ state, kind: 'none', what: 'logged requests' }} />
          </div>
          <table className="self-start text-sm" data-testid="completeness-gaps">
            <thead className="text-xs text-slate-500"><tr><th className="pr-3 text-left">Status</th><th className="pr-3 text-right">Counted</th><th className="pr-3 text-right">Not logged</th><th className="text-right">Share</th></tr></thead>
            <tbody>
              {gaps.length === 0 && <tr><td colSpan={4} className="py-2 text-slate-500">Every counted request was logged.</td></tr>}
              {gaps.map((g) => (
                <tr key={g.status_code} className="border-t border-slate-100">
                  <td className="py-1 pr-3 tabular-nums">{g.status_code}</td>
                  <td className="pr-3 text-right tabular-nums">{formatCount(g.usage)}</td>
                  <td className="pr-3 text-right font-semibold tabular-nums">{formatCount(g.missing)}</td>
                  <td className="text-right tabular-nums">{formatPercent(g.missingShare)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </ChartCard>
  );
}
