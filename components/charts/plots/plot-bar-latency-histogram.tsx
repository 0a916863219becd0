'use client';

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCount } from '@/lib/charts/format';
import type { HistogramBar } from '@/lib/ops/prepare-histogram';
import { CHART_COLORS } from '@/lib/charts/palette';

/** ChartBarLatencyHistogram's drawing: loaded on demand (see lazyPlot). */
export function PlotBarLatencyHistogram({ bars, onBar }: { bars: HistogramBar[]; onBar?: (index: number) => void }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={bars} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke={CHART_COLORS.grid} />
        <XAxis dataKey="label" fontSize={11} minTickGap={8} />
        <YAxis interval={0} tickFormatter={(v: number) => formatCount(v)} width={56} fontSize={12} label={{ value: 'requests', angle: -90, position: 'insideLeft', fontSize: 11, fill: CHART_COLORS.axisLabel }} />
        <Tooltip labelFormatter={(_l, p) => String(p?.[0]?.payload?.range ?? '')} formatter={(v) => [formatCount(Number(v)), 'requests']} contentStyle={{ fontSize: 12 }} />
        <Bar dataKey="requests" fill={CHART_COLORS.single} isAnimationActive={false} onClick={(_d: unknown, index: number) => onBar?.(index)} />
      </BarChart>
    </ResponsiveContainer>
  );
}
