'use client';

import { ChartCard } from '@/components/chart-card';
import { lazyPlot } from '@/components/charts/lazy-plot';
import { queryUrl } from '@/lib/client/api';
import { reportingZone, type DashboardState } from '@/lib/client/search-params';
import type { PreparedShare } from '@/lib/compare/prepare-share';
import type { CompareState } from '@/lib/compare/search-params';
import { useShareOverTime } from '@/lib/compare/use-compare';
import { ChangeMarkNotes } from './change-marks';

const Plot = lazyPlot(() => import('./plots/plot-line-entity-latency').then((m) => m.PlotLineEntityLatency));

/** p95 latency per served entity over time, one line each (never stacked), with change marks. */
export function ChartLineEntityLatency({ state, compare }: { state: DashboardState; compare: CompareState }) {
  const { params, query, prepared } = useShareOverTime(state, compare);
  return (
    <ChartCard
      testId="chart-entity-latency"
      title="p95 latency over time"
      subtitle={<>p95 of successful requests per {prepared?.bucket ?? 'bucket'} and entity, computed from each bucket&apos;s rows; times in {prepared?.tz ?? reportingZone(state)}{prepared?.utcDays ? ' (UTC days: the query cuts days at UTC midnight)' : ''}. Gaps had no successful request.</>}
      query={query}
      csvHref={queryUrl('compare-share-over-time', params, 'csv')}
      isEmpty={(d) => !d.rows.some((r) => r.endpoint_name === state.endpoint && r.latency_rows > 0)}
      empty={<>No successful requests of {state.endpoint} in this range.</>}
    >
      {() => prepared && <LatencyBody prepared={prepared} />}
    </ChartCard>
  );
}

function LatencyBody({ prepared }: { prepared: PreparedShare }) {
  const { series, bucket } = prepared;
  return (
    <div>
      <div className="h-64" role="img" aria-label={`p95 latency per ${bucket}, ${series.length} series`}>
        <Plot prepared={prepared} />
      </div>
      <ChangeMarkNotes changes={prepared.changes} tz={prepared.tz} />
    </div>
  );
}
