'use client';

import { ChartCard } from '@/components/chart-card';
import { lazyPlot } from '@/components/charts/lazy-plot';
import { queryUrl } from '@/lib/client/api';
import { reportingZone, type DashboardState } from '@/lib/client/search-params';
import type { PreparedShare } from '@/lib/compare/prepare-share';
import type { CompareState } from '@/lib/compare/search-params';
import { useShareOverTime } from '@/lib/compare/use-compare';
import { ChangeMarkNotes } from './change-marks';

const Plot = lazyPlot(() => import('./plots/plot-area-entity-share').then((m) => m.PlotAreaEntityShare));

/** Share of the endpoint's estimated requests per served entity over time: fallbacks and config changes show here. */
export function ChartAreaEntityShare({ state, compare }: { state: DashboardState; compare: CompareState }) {
  const { params, query, prepared } = useShareOverTime(state, compare);
  return (
    <ChartCard
      testId="chart-entity-share"
      title="Traffic share over time"
      subtitle={<>Share of estimated requests per {prepared?.bucket ?? 'bucket'}, times in {prepared?.tz ?? reportingZone(state)}{prepared?.utcDays ? ' (UTC days: the query cuts days at UTC midnight)' : ''}; dashed lines are served_entities changes. Gaps had no traffic.</>}
      query={query}
      csvHref={queryUrl('compare-share-over-time', params, 'csv')}
      isEmpty={(d) => !d.rows.some((r) => r.endpoint_name === state.endpoint)}
      empty={<>No requests of {state.endpoint} in this range.</>}
    >
      {() => prepared && <ShareBody prepared={prepared} />}
    </ChartCard>
  );
}

function ShareBody({ prepared }: { prepared: PreparedShare }) {
  const { series, bucket } = prepared;
  return (
    <div>
      <div className="h-64" role="img" aria-label={`Traffic share per ${bucket}, ${series.length} series`}>
        <Plot prepared={prepared} />
      </div>
      <ChangeMarkNotes changes={prepared.changes} tz={prepared.tz} />
    </div>
  );
}
