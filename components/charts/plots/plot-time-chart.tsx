'use client';

import { Area, Bar, CartesianGrid, ComposedChart, Legend, Line, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Axis, Mark } from '@/lib/charts/marks';
import type { PreparedSeries } from '@/lib/ops/prepare-series';
import { formatZonedTick, formatZonedTimestamp } from '@/lib/time/zone';
import { CHART_COLORS } from '@/lib/charts/palette';

/** TimeChart's drawing: loaded on demand (see lazyPlot). */
export function PlotTimeChart({ data, marks, left, right }: { data: PreparedSeries; marks: Mark[]; left: Axis; right?: Axis }) {
  const { points, bucket, tz, stillArriving, domain } = data;
  const formatOf = (key: string) => ((marks.find((m) => m.dataKey === key)?.axis ?? 'left') === 'right' && right ? right.format : left.format);
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ComposedChart data={points} margin={{ top: 8, right: right ? 8 : 16, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke={CHART_COLORS.grid} />
        <XAxis dataKey="t" type="number" scale="time" domain={domain} allowDataOverflow tickFormatter={(t: number) => formatZonedTick(t, bucket, tz)} minTickGap={40} fontSize={12} />
        <YAxis yAxisId="left" allowDecimals={!left.integer} tickFormatter={left.format} width={64} fontSize={12} label={{ value: left.label, angle: -90, position: 'insideLeft', fontSize: 11, fill: CHART_COLORS.axisLabel }} />
        {right && <YAxis yAxisId="right" orientation="right" tickFormatter={right.format} width={64} fontSize={12} label={{ value: right.label, angle: 90, position: 'insideRight', fontSize: 11, fill: CHART_COLORS.axisLabel }} />}
        <Tooltip
          labelFormatter={(t) => `${formatZonedTimestamp(Number(t), tz)} · per ${bucket}`}
          formatter={(v, name, item) => [v === null || v === undefined ? 'no data' : formatOf(String(item.dataKey))(Number(v)), name]}
          contentStyle={{ fontSize: 12 }}
        />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {stillArriving && (
          <ReferenceArea yAxisId="left" x1={stillArriving.from} x2={stillArriving.to} fill={CHART_COLORS.stillArriving} fillOpacity={0.18} stroke={CHART_COLORS.stillArriving} strokeDasharray="4 3" label={{ value: 'still arriving', position: 'insideTopRight', fontSize: 11, fill: CHART_COLORS.stillArrivingText }} />
        )}
        {marks.map((m) => {
          const common = { dataKey: m.dataKey, name: m.name, yAxisId: m.axis ?? 'left', isAnimationActive: false };
          if (m.kind === 'bar') return <Bar key={m.dataKey} {...common} stackId={m.stackId} fill={m.color} />;
          if (m.kind === 'area') return <Area key={m.dataKey} {...common} type="monotone" stackId={m.stackId} stroke={m.color} fill={m.color} fillOpacity={0.3} />;
          return <Line key={m.dataKey} {...common} type="monotone" stroke={m.color} strokeWidth={m.dashed ? 1.25 : 2} strokeDasharray={m.dashed ? '5 4' : undefined} dot={false} connectNulls={false} />;
        })}
      </ComposedChart>
    </ResponsiveContainer>
  );
}
