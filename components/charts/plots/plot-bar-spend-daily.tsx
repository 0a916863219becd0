'use client';

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { PreparedSpendDaily } from '@/lib/finance/prepare-spend-daily';
import { CHART_COLORS } from '@/lib/charts/palette';
import { formatTokens } from '@/lib/charts/format';

/** ChartBarSpendDaily's drawing: loaded on demand (see lazyPlot). */
export function PlotBarSpendDaily({ prepared, money }: { prepared: PreparedSpendDaily; money: (v: number) => string }) {
  const { series, points } = prepared;
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" stroke={CHART_COLORS.grid} vertical={false} />
        <XAxis dataKey="day" tickFormatter={(d: string) => d.slice(5)} minTickGap={16} fontSize={12} />
        <YAxis tickFormatter={(v: number) => money(v)} width={72} fontSize={12} />
        <Tooltip content={<SpendTooltip prepared={prepared} money={money} />} />
        <Legend itemSorter={null} formatter={(key: string) => series.find((s) => s.key === key)?.label ?? key} wrapperStyle={{ fontSize: 12 }} />
        {series.map((s) => <Bar key={s.key} dataKey={s.key} stackId="spend" fill={s.color} isAnimationActive={false} />)}
      </BarChart>
    </ResponsiveContainer>
  );
}

type TooltipProps = { active?: boolean; label?: string; prepared: PreparedSpendDaily; money: (v: number) => string };

function SpendTooltip({ active, label, prepared, money }: TooltipProps) {
  if (!active || !label) return null;
  const p = prepared.points.find((x) => x.day === label);
  if (!p) return null;
  return (
    <div className="rounded border border-slate-200 bg-white p-2 text-xs shadow">
      <div className="mb-1 font-semibold">{label} (UTC){p.partial ? ' · partial day' : ''}</div>
      <table>
        <tbody>
          {prepared.series.filter((s) => (p[s.key] as number) > 0).map((s) => (
            <tr key={s.key}><td className="pr-3"><span className="mr-1 inline-block h-2 w-2 rounded-full" style={{ background: s.color }} />{s.label}</td><td className="text-right tabular-nums">{money(p[s.key] as number)}</td></tr>
          ))}
          <tr className="border-t border-slate-200 font-semibold"><td className="pr-3">Total</td><td className="text-right tabular-nums">{money(p.total)}</td></tr>
        </tbody>
      </table>
      {p.unpricedTokens > 0 && <div className="mt-1 text-amber-800">+ {formatTokens(p.unpricedTokens, true)} tokens on unpriced models</div>}
    </div>
  );
}
