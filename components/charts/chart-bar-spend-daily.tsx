'use client';

import { useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartCard } from '@/components/chart-card';
import { queryUrl } from '@/lib/client/api';
import type { DashboardState } from '@/lib/client/search-params';
import { formatMoney, formatTokens } from '@/lib/finance/format';
import { prepareSpendDaily, type PreparedSpendDaily, type SpendDailyRow } from '@/lib/finance/prepare-spend-daily';
import { dimensionLabel, type FinanceState } from '@/lib/finance/search-params';
import { currencyOf, useFinanceQuery } from '@/lib/finance/use-finance-query';

export function ChartBarSpendDaily({ state, fin }: { state: DashboardState; fin: FinanceState }) {
  const { query, params } = useFinanceQuery<SpendDailyRow>('finance-spend-daily', state, fin, { top_n: String(fin.top) });
  const prepared = useMemo(() => (query.data?.window ? prepareSpendDaily(query.data.rows, query.data.window) : null), [query.data]);
  const currency = currencyOf(query.data);
  return (
    <ChartCard
      testId="finance-daily"
      title={fin.focus ? `Daily spend of ${fin.focus}` : `Daily spend by ${dimensionLabel(fin)}`}
      subtitle="Price-book cost per UTC day, stacked. Unpriced models are not in the bars; their tokens are listed in the tooltip."
      query={query}
      csvHref={queryUrl('finance-spend-daily', { ...params, top_n: '0' }, 'csv')}
      isEmpty={(d) => d.rows.length === 0}
      empty="No requests were logged in this range."
    >
      {() => prepared && <SpendBody prepared={prepared} currency={currency} />}
    </ChartCard>
  );
}

function SpendBody({ prepared, currency }: { prepared: PreparedSpendDaily; currency: string }) {
  const { series, points, peak } = prepared;
  const money = (v: number) => formatMoney(v, currency);
  return (
    <div>
      {peak && (
        <p className="mb-2 text-sm" data-testid="spend-peak" data-day={peak.day} data-ratio={peak.ratio ?? ''}>
          Costliest day: <span className="font-semibold">{peak.day}</span> at <span className="font-semibold tabular-nums">{money(peak.total)}</span>
          {peak.ratio !== null && <>, <span className="font-semibold">{peak.ratio.toFixed(1)}×</span> the median of the other days ({money(peak.medianOther ?? 0)})</>}.
        </p>
      )}
      {!prepared.anyPriced && <p className="mb-2 text-sm text-amber-800">Nothing here is priced: {formatTokens(prepared.unpricedTokens, true)} tokens on models without a price.</p>}
      <div className="h-72" role="img" aria-label={`Daily spend, ${series.length} series`}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" vertical={false} />
            <XAxis dataKey="day" tickFormatter={(d: string) => d.slice(5)} minTickGap={16} fontSize={12} />
            <YAxis tickFormatter={(v: number) => money(v)} width={72} fontSize={12} />
            <Tooltip content={<SpendTooltip prepared={prepared} money={money} />} />
            <Legend itemSorter={null} formatter={(key: string) => series.find((s) => s.key === key)?.label ?? key} wrapperStyle={{ fontSize: 12 }} />
            {series.map((s) => <Bar key={s.key} dataKey={s.key} stackId="spend" fill={s.color} isAnimationActive={false} />)}
          </BarChart>
        </ResponsiveContainer>
      </div>
      {points.some((p) => p.partial) && <p className="mt-1 text-xs text-slate-500">The first and last days are partial: the range cuts them, and the last hour is still arriving.</p>}
    </div>
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
