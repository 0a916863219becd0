'use client';

import { Area, AreaChart, CartesianGrid, Legend, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCount, formatRate } from '@/lib/charts/format';
import type { PreparedRequests } from '@/lib/charts/prepare-requests';
import { formatZonedTick, formatZonedTimestamp } from '@/lib/time/zone';
import { CHART_COLORS } from '@/lib/charts/palette';

/** ChartAreaRequests' drawing: loaded on demand (see lazyPlot). */
export function PlotAreaRequests({ prepared }: { prepared: PreparedRequests }) {
  const { series, points, bucket, stillArriving } = prepared;
  return (
    <ResponsiveContainer width="100%" height="100%">
      <AreaChart data={points} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke={CHART_COLORS.grid} />
        <XAxis dataKey="t" type="number" scale="time" domain={prepared.domain} allowDataOverflow tickFormatter={(t: number) => formatZonedTick(t, bucket, prepared.tz)} minTickGap={40} fontSize={12} />
        <YAxis tickFormatter={(v: number) => formatCount(v)} width={56} fontSize={12} label={{ value: 'req/min', angle: -90, position: 'insideLeft', fontSize: 11, fill: CHART_COLORS.axisLabel }} />
        <Tooltip content={<RequestsTooltip prepared={prepared} />} />
        <Legend formatter={(key: string) => series.find((s) => s.key === key)?.label ?? key} wrapperStyle={{ fontSize: 12 }} />
        {stillArriving && (
          <ReferenceArea x1={stillArriving.from} x2={stillArriving.to} fill={CHART_COLORS.stillArriving} fillOpacity={0.15} label={{ value: 'still arriving', position: 'insideTopRight', fontSize: 11, fill: CHART_COLORS.stillArrivingText }} />
        )}
        {series.map((s) => (
          <Area key={s.key} dataKey={s.key} name={s.key} stackId="requests" type="monotone" stroke={s.color} fill={s.color} fillOpacity={0.35} isAnimationActive={false} />
        ))}
      </AreaChart>
    </ResponsiveContainer>
  );
}

type TooltipProps = { active?: boolean; label?: number; prepared: PreparedRequests };

function RequestsTooltip({ active, label, prepared }: TooltipProps) {
  if (!active || label === undefined) return null;
  const point = prepared.points.find((p) => p.t === label);
  if (!point) return null;
  return (
    <div className="rounded border border-slate-200 bg-white p-2 text-xs shadow">
      <div className="mb-1 font-semibold">{formatZonedTimestamp(label, prepared.tz)} · per {prepared.bucket}</div>
      <table>
        <thead><tr className="text-slate-500"><th className="pr-3 text-left font-normal">series</th><th className="pr-3 text-right font-normal">avg/min</th>{prepared.bucket !== 'minute' && <th className="text-right font-normal">busiest min</th>}</tr></thead>
        <tbody>
          {prepared.series.map((s) => (
            <tr key={s.key}>
              <td className="pr-3"><span className="mr-1 inline-block h-2 w-2 rounded-full" style={{ background: s.color }} />{s.label}</td>
              <td className="pr-3 text-right tabular-nums">{formatRate(point[s.key])}</td>
              {prepared.bucket !== 'minute' && <td className="text-right tabular-nums">{formatRate(point[`${s.key}_peak`])}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
