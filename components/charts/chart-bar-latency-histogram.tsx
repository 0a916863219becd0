'use client';

import { useRouter } from 'next/navigation';
import { formatCount } from '@/lib/charts/format';
import { requestsHref } from '@/lib/client/drill';
import { useHere } from '@/lib/client/use-here';
import { BarLinks } from './bar-links';

import { useMemo } from 'react';
import { ChartCard } from '@/components/chart-card';
import { lazyPlot } from '@/components/charts/lazy-plot';
import { queryUrl } from '@/lib/client/api';
import { apiFilters, isLive, type DashboardState } from '@/lib/client/search-params';
import { useCatalogueQuery } from '@/lib/client/use-catalogue-query';
import { prepareHistogram, type HistogramBar } from '@/lib/ops/prepare-histogram';

const Plot = lazyPlot(() => import('./plots/plot-bar-latency-histogram').then((m) => m.PlotBarLatencyHistogram));

export function ChartBarLatencyHistogram({ state }: { state: DashboardState }) {
  const params = apiFilters(state);
  const query = useCatalogueQuery('ops-latency-histogram', params, { live: isLive(state) });
  const bars = useMemo(() => prepareHistogram(query.data?.rows ?? []), [query.data]);
  const router = useRouter();
  const here = useHere();
  return (
    <ChartCard
      testId="chart-latency-histogram"
      title="Latency distribution"
      subtitle={<>Successful requests per execution-time bin (log scale: each bin is ×1.79 wider), sampling-weighted.</>}
      query={query}
      csvHref={queryUrl('ops-latency-histogram', params, 'csv')}
      isEmpty={(d) => d.rows.length === 0}
      empty={<>No successful requests in this range.</>}
    >
      {() => {
        const hrefOf = (b: HistogramBar) => requestsHref(state, { status: 'ok', minMs: b.lowerMs, maxMs: b.upperMs, sort: 'duration_desc' }, here);
        return (
          <div>
            <div className="h-56 cursor-pointer" role="img" aria-label="Latency histogram; click a bar for its requests">
              <Plot bars={bars} onBar={(i) => router.push(hrefOf(bars[i]!))} />
            </div>
            <BarLinks label="Successful requests per latency bin" bars={bars.filter((b) => b.requests > 0).map((b) => ({ label: b.range, value: formatCount(b.requests), href: hrefOf(b) }))} />
          </div>
        );
      }}
    </ChartCard>
  );
}
