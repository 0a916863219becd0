'use client';

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { TrendPoint, TrendSeries } from '@/lib/finance/prepare-token-trends';
import { CHART_COLORS } from '@/lib/charts/palette';
import { formatTokens } from '@/lib/charts/format';

/** ChartLineTokenTrends' drawing: loaded on demand (see lazyPlot). */
export function PlotLineTokenTrends({ prepared }: { prepared: { series: TrendSeries[]; points: TrendPoint[] } }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={prepared.points} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" stroke={CHART_COLORS.grid} />
        <XAxis dataKey="day" tickFormatter={(d: string) => d.slice(5)} minTickGap={16} fontSize={12} />
        <YAxis tickFormatter={(v: number) => formatTokens(v, true)} width={56} fontSize={12} label={{ value: 'tokens', angle: -90, position: 'insideLeft', fontSize: 11, fill: CHART_COLORS.axisLabel }} />
        <Tooltip formatter={(v, name) => [formatTokens(Number(v)), String(name)]} labelFormatter={(d) => `${String(d)} (UTC)`} />
        <Legend itemSorter={null} wrapperStyle={{ fontSize: 12 }} />
        {prepared.series.flatMap((s) => [
          <Line key={`${s.key}_avg`} dataKey={`${s.key}_avg`} name={`${s.label} avg`} stroke={s.color} dot={false} strokeWidth={2} connectNulls={false} isAnimationActive={false} />,
          <Line key={`${s.key}_p95`} dataKey={`${s.key}_p95`} name={`${s.label} p95`} stroke={s.color} dot={false} strokeDasharray="5 4" connectNulls={false} isAnimationActive={false} legendType="none" />,
        ])}
      </LineChart>
    </ResponsiveContainer>
  );
}
