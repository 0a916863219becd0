'use client';

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartCard } from '@/components/chart-card';
import { formatTick, formatTimestamp } from '@/lib/charts/format';
import { queryUrl } from '@/lib/client/api';
import type { DashboardState } from '@/lib/client/search-params';
import { formatMs } from '@/lib/compare/format';
import type { PreparedShare } from '@/lib/compare/prepare-share';
import type { CompareState } from '@/lib/compare/search-params';
import { useShareOverTime } from '@/lib/compare/use-compare';
import { ChangeMarkNotes, changeMarkElements } from './change-marks';

/** p95 latency per served entity over time, one line each (never stacked), with change marks. */
export function ChartLineEntityLatency({ state, compare }: { state: DashboardState; compare: CompareState }) {
  const { params, query, prepared } = useShareOverTime(state, compare);
  return (
    <ChartCard
      testId="chart-entity-latency"
      title="p95 latency over time"
      subtitle={<>p95 of successful requests per {prepared?.bucket ?? 'bucket'} and entity, computed from each bucket&apos;s rows; times in UTC. Gaps had no successful request.</>}
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
  const { series, points, bucket, domain } = prepared;
  return (
    <div>
      <div className="h-64" role="img" aria-label={`p95 latency per ${bucket}, ${series.length} series`}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={points} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis dataKey="t" type="number" scale="time" domain={domain} allowDataOverflow tickFormatter={(t: number) => formatTick(t, bucket)} minTickGap={40} fontSize={12} />
            <YAxis tickFormatter={(v: number) => formatMs(v)} width={64} fontSize={12} />
            <Tooltip
              labelFormatter={(t) => `${formatTimestamp(Number(t))} · p95 per ${bucket}`}
              formatter={(v, key) => [formatMs(typeof v === 'number' ? v : null), series.find((s) => `${s.key}_p95` === key)?.label ?? String(key)]}
            />
            <Legend formatter={(key: string) => series.find((s) => `${s.key}_p95` === key)?.label ?? key} wrapperStyle={{ fontSize: 12 }} />
            {changeMarkElements(prepared.changes, prepared.stillArriving)}
            {series.map((s) => (
              <Line key={s.key} dataKey={`${s.key}_p95`} name={`${s.key}_p95`} type="monotone" stroke={s.color} strokeWidth={1.5} dot={false} connectNulls={false} isAnimationActive={false} />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <ChangeMarkNotes changes={prepared.changes} />
    </div>
  );
}
