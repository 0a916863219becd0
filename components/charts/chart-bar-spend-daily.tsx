'use client';

import { useMemo } from 'react';
import { ChartCard } from '@/components/chart-card';
import { lazyPlot } from '@/components/charts/lazy-plot';
import { UtcDaysNote } from '@/components/charts/utc-days-note';
import { queryUrl } from '@/lib/client/api';
import type { DashboardState } from '@/lib/client/search-params';
import { prepareSpendDaily, type PreparedSpendDaily } from '@/lib/finance/prepare-spend-daily';
import { dimensionLabel, type FinanceState } from '@/lib/finance/search-params';
import { currencyOf, useFinanceQuery } from '@/lib/finance/use-finance-query';
import { formatMoney, formatTokens } from '@/lib/charts/format';

const Plot = lazyPlot(() => import('./plots/plot-bar-spend-daily').then((m) => m.PlotBarSpendDaily));

export function ChartBarSpendDaily({ state, fin }: { state: DashboardState; fin: FinanceState }) {
  const { query, params } = useFinanceQuery('finance-spend-daily', state, fin, { top_n: String(fin.top) });
  const prepared = useMemo(() => (query.data?.window ? prepareSpendDaily(query.data.rows, query.data.window) : null), [query.data]);
  const currency = currencyOf(query.data);
  return (
    <ChartCard
      testId="finance-daily"
      title={fin.focus ? `Daily spend of ${fin.focus}` : `Daily spend by ${dimensionLabel(fin)}`}
      subtitle={<>Price-book cost per UTC day, stacked. Unpriced models are not in the bars; their tokens are listed in the tooltip.<UtcDaysNote state={state} /></>}
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
        <Plot prepared={prepared} money={money} />
      </div>
      {points.some((p) => p.partial) && <p className="mt-1 text-xs text-slate-500">The first and last days are partial: the range cuts them, and the last hour is still arriving.</p>}
    </div>
  );
}
