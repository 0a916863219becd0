'use client';

import { useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartCard } from '@/components/chart-card';
import { formatCount } from '@/lib/charts/format';
import { queryUrl } from '@/lib/client/api';
import { apiFilters, isLive, type DashboardState } from '@/lib/client/search-params';
import { useCatalogueQuery } from '@/lib/client/use-catalogue-query';
import { prepareHistogram, type HistogramRow } from '@/lib/ops/prepare-histogram';

export function ChartBarLatencyHistogram({ state }: { state: DashboardState }) {
  const params = apiFilters(state);
  const query = useCatalogueQuery<HistogramRow>('ops-latency-histogram', params, { live: isLive(state) });
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
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={bars} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
              <XAxis dataKey="label" fontSize={11} minTickGap={8} />
              <YAxis tickFormatter={(v: number) => formatCount(v)} width={56} fontSize={12} label={{ value: 'requests', angle: -90, position: 'insideLeft', fontSize: 11, fill: '#64748b' }} />
              <Tooltip labelFormatter={(_l, p) => String(p?.[0]?.payload?.range ?? '')} formatter={(v) => [formatCount(Number(v)), 'requests']} contentStyle={{ fontSize: 12 }} />
              <Bar dataKey="requests" fill="#0072B2" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
    </ChartCard>
  );
}
