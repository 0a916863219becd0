'use client';

import { ChartCard } from '@/components/chart-card';
import { useFilterOptions } from '@/lib/client/use-filter-options';
import { TimeChart } from '@/components/charts/time-chart';
import { formatRate } from '@/lib/charts/format';
import { queryUrl } from '@/lib/client/api';
import { apiTimeFilters, isLive, type DashboardState } from '@/lib/client/search-params';
import { useCatalogueQuery } from '@/lib/client/use-catalogue-query';
import type { OpsState } from '@/lib/ops/search-params';
import { lineMarks } from '@/lib/ops/prepare-marks';
import { usePreparedSeries } from '@/lib/ops/use-prepared';

/** Output tokens per second (Σ tokens ÷ Σ execution time); shares the latency query, so it costs no extra request. */
export function ChartLineOutputSpeed({ state, ops }: { state: DashboardState; ops: OpsState }) {
  const params = { ...apiTimeFilters(state), split: ops.latencySplit };
  const query = useCatalogueQuery('ops-latency-over-time', params, { live: isLive(state) });
  const prepared = usePreparedSeries(query, { seriesOf: (r) => r.series, values: { tps: (r) => r.output_tokens_per_s }, missing: 'gap' });
  const { entityIdOf } = useFilterOptions(state);
  return (
    <ChartCard
      testId="chart-output-speed"
      title="Output tokens per second"
      subtitle={<>Output tokens ÷ execution time, summed over the successful requests that report output tokens (endpoint_usage&apos;s count, else the response&apos;s usage; not embeddings).</>}
      query={query}
      csvHref={queryUrl('ops-latency-over-time', params, 'csv')}
      isEmpty={(d) => !d.rows.some((r) => r.output_tokens_per_s !== null)}
      empty={<>No response in this range reports output token counts.</>}
    >
      {() => prepared && <TimeChart data={prepared} height="h-56" label="Output tokens per second" marks={lineMarks(prepared, 'tps', { knownOnly: true })} left={{ label: 'tokens/s', format: formatRate }} drill={{ state, kind: ops.latencySplit, entityIdOf, base: { status: 'ok' }, what: 'successful requests' }} />}
    </ChartCard>
  );
}
