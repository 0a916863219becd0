'use client';

import { useMemo } from 'react';
import { ChartCard } from '@/components/chart-card';
import { TimeChart } from '@/components/charts/time-chart';
import { formatCount, formatRate } from '@/lib/charts/format';
import { prepareRequests, requestsMarks, type PreparedRequests } from '@/lib/charts/prepare-requests';
import { queryUrl } from '@/lib/client/api';
import { apiTimeFilters, isLive, reportingZone, type DashboardState, noDataText } from '@/lib/client/search-params';
import { useCatalogueQuery } from '@/lib/client/use-catalogue-query';
import { useFilterOptions } from '@/lib/client/use-filter-options';
import type { Bucket } from '@/lib/time/buckets';
import type { Drill } from './drill-frame';

const SPLIT_LABEL: Record<DashboardState['split'], string> = { none: 'all traffic', endpoint: 'by endpoint', served_entity: 'by served entity', status: 'by status' };

export function ChartAreaRequests({ state }: { state: DashboardState }) {
  const params = { ...apiTimeFilters(state), split: state.split };
  const query = useCatalogueQuery('requests-over-time', params, { live: isLive(state) });
  const prepared = useMemo(() => {
    const d = query.data;
    if (!d?.window) return null;
    // "Still arriving" is judged at the moment the data was fetched, which keeps render pure.
    return prepareRequests(d.rows, d.window, d.params.bucket as Bucket, Date.parse(d.now), String(d.params.tz ?? 'UTC'));
  }, [query.data]);
  const { entityIdOf } = useFilterOptions(state);

  return (
    <ChartCard
      testId="chart-requests"
      title="Requests per minute"
      subtitle={<>Estimated from the inference tables (each row weighted by 1 / sampling_fraction), {SPLIT_LABEL[state.split]}, times in {reportingZone(state)}.</>}
      query={query}
      csvHref={queryUrl('requests-over-time', params, 'csv')}
      isEmpty={(d) => d.rows.length === 0}
      empty={noDataText(state)}
    >
      {() => prepared && <RequestsBody prepared={prepared} drill={{ state, kind: state.split, entityIdOf }} />}
    </ChartCard>
  );
}

function RequestsBody({ prepared, drill }: { prepared: PreparedRequests; drill: Drill }) {
  const { totals, series, bucket } = prepared;
  return (
    <div>
      <dl className="mb-3 flex flex-wrap gap-x-8 gap-y-1 text-sm" data-testid="requests-totals">
        <div><dt className="text-slate-500">Requests (estimated)</dt><dd className="text-lg font-semibold" data-testid="total-requests">{formatCount(totals.requests)}</dd></div>
        {totals.sampled && <div><dt className="text-slate-500">Rows logged (sampled)</dt><dd className="text-lg font-semibold">{formatCount(totals.sampledRows)}</dd></div>}
        <div><dt className="text-slate-500">Average per minute</dt><dd className="text-lg font-semibold">{formatRate(totals.avgQpm)}</dd></div>
        <div><dt className="text-slate-500">Bucket</dt><dd className="text-lg font-semibold">{bucket}</dd></div>
      </dl>
      {/* Requests per minute are rates: fractional ticks are real, not counts rounded to "1, 1, 1". */}
      <TimeChart data={prepared} marks={requestsMarks(prepared)} left={{ label: 'req/min', format: formatRate }} label={`Requests per minute per ${bucket}, ${series.length} series`} drill={drill} />
    </div>
  );
}
