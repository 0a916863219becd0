'use client';

import { ChartCard } from '@/components/chart-card';
import { useFilterOptions } from '@/lib/client/use-filter-options';
import { TimeChart } from '@/components/charts/time-chart';
import { formatCount, formatRate } from '@/lib/charts/format';
import { queryUrl } from '@/lib/client/api';
import { apiTimeFilters, isLive, type DashboardState } from '@/lib/client/search-params';
import { useCatalogueQuery } from '@/lib/client/use-catalogue-query';
import { trafficMarks } from '@/lib/ops/prepare-marks';
import { perMinute } from '@/lib/ops/prepare-series';
import { usePreparedSeries } from '@/lib/ops/use-prepared';

const SPLIT_LABEL: Record<DashboardState['split'], string> = { none: 'all traffic', endpoint: 'by endpoint', served_entity: 'by served entity', status: 'by status class' };

/** Requests per minute per series, with the busiest minute of each coarse bucket dashed. */
export function ChartLineTraffic({ state }: { state: DashboardState }) {
  const params = { ...apiTimeFilters(state), split: state.split };
  const query = useCatalogueQuery('requests-over-time', params, { live: isLive(state) });
  const prepared = usePreparedSeries(query, {
    seriesOf: (r) => r.series,
    values: { qpm: (r, c) => perMinute(r.requests, c), peak: (r) => r.peak_minute_requests },
    missing: 'zero',
  });
  const coarse = prepared && prepared.bucket !== 'minute';
  const { entityIdOf } = useFilterOptions(state);
  return (
    <ChartCard
      testId="chart-traffic"
      title="Requests per minute"
      subtitle={<>Sampling-weighted (Σ 1/sampling_fraction), {SPLIT_LABEL[state.split]}, per {prepared?.bucket ?? 'bucket'}{coarse ? '; dashed: the busiest single minute in each bucket, which is what rate limits see' : ''}.</>}
      query={query}
      csvHref={queryUrl('requests-over-time', params, 'csv')}
      isEmpty={(d) => d.rows.length === 0}
      empty={<>No requests were logged in this range.</>}
    >
      {() => prepared && <TimeChart data={prepared} marks={trafficMarks(prepared)} label={`Requests per minute per ${prepared.bucket}`} left={{ label: 'req/min', format: (v) => (v < 10 ? formatRate(v) : formatCount(v)) }} drill={{ state, kind: state.split, entityIdOf }} />}
    </ChartCard>
  );
}
