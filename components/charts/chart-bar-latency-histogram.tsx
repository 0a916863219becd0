'use client';

import { useMemo } from 'react';
import { ChartCard } from '@/components/chart-card';
import { lazyPlot } from '@/components/charts/lazy-plot';
import { queryUrl } from '@/lib/client/api';
import { apiFilters, isLive, type DashboardState } from '@/lib/client/search-params';
import { useCatalogueQuery } from '@/lib/client/use-catalogue-query';
import { prepareHistogram } from '@/lib/ops/prepare-histogram';

const Plot = lazyPlot(() => import('./plots/plot-bar-latency-histogram').then((m) => m.PlotBarLatencyHistogram));

export function ChartBarLatencyHistogram({ state }: { state: DashboardState }) {
  const params = apiFilters(state);
  const query = useCatalogueQuery('ops-latency-histogram', params, { live: isLive(state) });
  const bars = useMemo(() => prepareHistogram(query.data?.rows ?? []), [query.data]);
  return (
    <ChartCard
      testId="chart-latency-histogram"
      title="Latency distribution"
      subtitle={<>Successful requests per execution-time bin (log scale: each bin is ×1.78 wider), sampling-weighted.</>}
      query={query}
      csvHref={queryUrl('ops-latency-histogram', params, 'csv')}
      isEmpty={(d) => d.rows.length === 0}
      empty={<>No successful requests in this range.</>}
    >
      {() => (
        <div className="h-56" role="img" aria-label="Latency histogram">
          <Plot bars={bars} />
        </div>
      )}
    </ChartCard>
  );
}
