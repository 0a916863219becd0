'use client';

import { Area, AreaChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCount } from '@/lib/charts/format';
import { formatZonedTick, formatZonedTimestamp } from '@/lib/time/zone';
import type { PreparedShare } from '@/lib/compare/prepare-share';
import { changeMarkElements } from './change-mark-elements';
import { CHART_COLORS } from '@/lib/charts/palette';

/** ChartAreaEntityShare's drawing: loaded on demand (see lazyPlot). */
export function PlotAreaEntityShare({ prepared }: { prepared: PreparedShare }) {
  const { series, points, bucket, domain } = prepared;
  return (
    <ResponsiveContainer width="100%" height="100%">
      <AreaChart data={points} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke={CHART_COLORS.grid} />
        <XAxis dataKey="t" type="number" scale="time" domain={domain} allowDataOverflow tickFormatter={(t: number) => formatZonedTick(t, bucket, prepared.tz)} minTickGap={40} fontSize={12} />
        <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tickFormatter={(v: number) => `${v}%`} width={44} fontSize={12} />
        <Tooltip content={<ShareTooltip prepared={prepared} />} />
        <Legend formatter={(key: string) => series.find((s) => s.key === key)?.label ?? key} wrapperStyle={{ fontSize: 12 }} />
        {changeMarkElements(prepared.changes, prepared.stillArriving)}
        {series.map((s) => (
          // Shares of one whole add up to 100%, so stacking is the honest picture here.
          <Area key={s.key} dataKey={s.key} name={s.key} stackId="share" type="stepAfter" stroke={s.color} fill={s.color} fillOpacity={0.45} connectNulls={false} isAnimationActive={false} />
        ))}
      </AreaChart>
    </ResponsiveContainer>
  );
}

function ShareTooltip({ active, label, prepared }: { active?: boolean; label?: number; prepared: PreparedShare }) {
  const point = active && label !== undefined ? prepared.points.find((p) => p.t === label) : undefined;
  if (!point) return null;
  return (
    <div className="rounded border border-slate-200 bg-white p-2 text-xs shadow">
      <div className="mb-1 font-semibold">{formatZonedTimestamp(point.t, prepared.tz)} · per {prepared.bucket}</div>
      {prepared.series.map((s) => (
        <div key={s.key} className="flex gap-3">
          <span className="flex-1"><span className="mr-1 inline-block h-2 w-2 rounded-full" style={{ background: s.color }} />{s.label}</span>
          <span className="tabular-nums">{point[s.key] === null ? 'no traffic' : `${(point[s.key] as number).toFixed(1)}% · ${formatCount(point[`${s.key}_requests`])} req`}</span>
        </div>
      ))}
    </div>
  );
}
