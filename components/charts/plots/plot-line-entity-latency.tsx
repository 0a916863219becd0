'use client';

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMs } from '@/lib/charts/format';
import { formatZonedTick, formatZonedTimestamp } from '@/lib/time/zone';
import type { PreparedShare } from '@/lib/compare/prepare-share';
import { changeMarkElements } from './change-mark-elements';
import { CHART_COLORS } from '@/lib/charts/palette';

/** ChartLineEntityLatency's drawing: loaded on demand (see lazyPlot). */
export function PlotLineEntityLatency({ prepared }: { prepared: PreparedShare }) {
  const { series, points, bucket, domain } = prepared;
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={points} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke={CHART_COLORS.grid} />
        <XAxis dataKey="t" type="number" scale="time" domain={domain} allowDataOverflow tickFormatter={(t: number) => formatZonedTick(t, bucket, prepared.tz)} minTickGap={40} fontSize={12} />
        <YAxis tickFormatter={(v: number) => formatMs(v)} width={64} fontSize={12} />
        <Tooltip
          labelFormatter={(t) => `${formatZonedTimestamp(Number(t), prepared.tz)} · p95 per ${bucket}`}
          formatter={(v, key) => [formatMs(typeof v === 'number' ? v : null), series.find((s) => `${s.key}_p95` === key)?.label ?? String(key)]}
        />
        <Legend formatter={(key: string) => series.find((s) => `${s.key}_p95` === key)?.label ?? key} wrapperStyle={{ fontSize: 12 }} />
        {changeMarkElements(prepared.changes, prepared.stillArriving)}
        {series.map((s) => (
          <Line key={s.key} dataKey={`${s.key}_p95`} name={`${s.key}_p95`} type="monotone" stroke={s.color} strokeWidth={1.5} dot={false} connectNulls={false} isAnimationActive={false} />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
