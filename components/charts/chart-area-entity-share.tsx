'use client';

import { ChartCard } from '@/components/chart-card';
import { TimeChart } from '@/components/charts/time-chart';
import { queryUrl } from '@/lib/client/api';
import { noDataText, reportingZone, type DashboardState } from '@/lib/client/search-params';
import { SHARE_AXIS, shareMarks } from '@/lib/compare/prepare-share';
import type { CompareState } from '@/lib/compare/search-params';
import { useShareOverTime } from '@/lib/compare/use-compare';
import { ChangeMarkNotes } from './change-marks';
import { compareDrill } from './compare-drill';

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
      empty={noDataText(state)}
    >
      {() => prepared && (
        <div>
          <TimeChart data={prepared} marks={shareMarks(prepared)} left={SHARE_AXIS} height="h-64" label={`Traffic share per ${prepared.bucket}, ${prepared.series.length} series`} drill={compareDrill(state, compare, prepared)} />
          <ChangeMarkNotes changes={prepared.changes} tz={prepared.tz} />
        </div>
      )}
    </ChartCard>
  );
}
