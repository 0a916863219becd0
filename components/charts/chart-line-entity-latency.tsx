'use client';

import { ChartCard } from '@/components/chart-card';
import { TimeChart } from '@/components/charts/time-chart';
import { queryUrl } from '@/lib/client/api';
import { noDataText, reportingZone, type DashboardState } from '@/lib/client/search-params';
import { LATENCY_AXIS, entityLatencyMarks } from '@/lib/compare/prepare-share';
import type { CompareState } from '@/lib/compare/search-params';
import { useShareOverTime } from '@/lib/compare/use-compare';
import { ChangeMarkNotes } from './change-marks';
import { compareDrill } from './compare-drill';

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
      empty={noDataText(state, 'No successful requests were logged')}
    >
      {() => prepared && (
        <div>
          <TimeChart data={prepared} marks={entityLatencyMarks(prepared)} left={LATENCY_AXIS} height="h-64" label={`p95 latency per ${prepared.bucket}, ${prepared.series.length} series`} drill={{ ...compareDrill(state, compare, prepared), base: { status: 'ok', sort: 'duration_desc' }, what: 'successful requests, slowest first' }} />
          <ChangeMarkNotes changes={prepared.changes} tz={prepared.tz} />
        </div>
      )}
    </ChartCard>
  );
}
