'use client';

import { useRouter } from 'next/navigation';
import { formatCount } from '@/lib/charts/format';
import { requestsHref, statusClassOf } from '@/lib/client/drill';
import { useHere } from '@/lib/client/use-here';
import { BarLinks } from './bar-links';

import { ChartCard } from '@/components/chart-card';
import { lazyPlot } from '@/components/charts/lazy-plot';
import { queryUrl } from '@/lib/client/api';
import { apiFilters, isLive, noDataText, type DashboardState } from '@/lib/client/search-params';
import { useCatalogueQuery } from '@/lib/client/use-catalogue-query';
import type { QueryRow } from '@/queries';

export type StatusCodeRow = QueryRow<'ops-status-codes'>;

const Plot = lazyPlot(() => import('./plots/plot-bar-status-codes').then((m) => m.PlotBarStatusCodes));

/** Requests per status code; the bar of 200s is usually far taller, so the axis is logarithmic. */
export function ChartBarStatusCodes({ state }: { state: DashboardState }) {
  const params = apiFilters(state);
  const query = useCatalogueQuery('ops-status-codes', params, { live: isLive(state) });
  const router = useRouter();
  const here = useHere();
  return (
    <ChartCard
      testId="chart-status-codes"
      title="Requests by status code"
      subtitle={<>Every request the gateway served: endpoint_usage counts each exactly, including the 401/403/429 answers the payload tables never logged (marked not logged, no body to open); requests it lacks are sampling-weighted payload rows. Log scale.</>}
      query={query}
      csvHref={queryUrl('ops-status-codes', params, 'csv')}
      isEmpty={(d) => d.rows.length === 0}
      empty={noDataText(state)}
    >
      {(d) => {
        const hrefOf = (code: number) => requestsHref(state, { status: statusClassOf(code) }, here);
        return (
          <div>
            <div className="h-56 cursor-pointer" role="img" aria-label="Requests by status code; click a bar for its requests">
              <Plot rows={d.rows} onBar={(code) => router.push(hrefOf(code))} />
            </div>
            <BarLinks label="Requests by status code" bars={d.rows.map((r) => ({ label: `HTTP ${r.status_code}`, value: formatCount(r.requests), href: hrefOf(r.status_code) }))} />
          </div>
        );
      }}
    </ChartCard>
  );
}
