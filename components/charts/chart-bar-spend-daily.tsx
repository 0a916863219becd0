'use client';

import { useMemo } from 'react';
import { ChartCard } from '@/components/chart-card';
import { TimeChart } from '@/components/charts/time-chart';
import { UtcDaysNote } from '@/components/charts/utc-days-note';
import { queryUrl } from '@/lib/client/api';
import { narrowedState, pageWithState, type Span } from '@/lib/client/drill';
import { noDataText, type DashboardState } from '@/lib/client/search-params';
import { useFilterOptions } from '@/lib/client/use-filter-options';
import { prepareSpendDaily, spendDailySeries, type PreparedSpendDaily } from '@/lib/finance/prepare-spend-daily';
import { dimensionLabel, readFinanceState, valueAsNarrowing, type FinanceState } from '@/lib/finance/search-params';
import { currencyOf, useFinanceQuery } from '@/lib/finance/use-finance-query';
import { formatMoney, formatTokens } from '@/lib/charts/format';
import type { Drill } from './drill-frame';

/** Spend per end_user_to_charge, top 8: the finance page's default, for pages that are not Finance. */
const DEFAULT_FINANCE = readFinanceState(new URLSearchParams());

/**
 * Spend per UTC day, stacked by the dimension's top values. A day leads to its requests (all, or
 * one value's); with `openInFinance`, a value also opens Finance on that day, broken down by the
 * next dimension a person asks for (a customer by project).
 */
export function ChartBarSpendDaily({ state, fin = DEFAULT_FINANCE, openInFinance = false }: { state: DashboardState; fin?: FinanceState; openInFinance?: boolean }) {
  const { query, params } = useFinanceQuery('finance-spend-daily', state, fin, { top_n: String(fin.top) });
  const prepared = useMemo(() => (query.data?.window ? prepareSpendDaily(query.data.rows, query.data.window) : null), [query.data]);
  const drawn = useMemo(() => (prepared && query.data?.window ? spendDailySeries(prepared, query.data.window) : null), [prepared, query.data]);
  const currency = currencyOf(query.data);
  const { entityIdOf } = useFilterOptions(state);
  const narrow = (value: string) => valueAsNarrowing(fin, value, entityIdOf);
  const next = fin.dimension === 'context' && fin.contextKey !== 'project' ? { dim: 'context', key: 'project', label: 'by project' } : { dim: 'requester', key: '', label: 'by requester' };
  const drill: Drill = {
    state,
    kind: 'none',
    narrow,
    what: 'requests',
    also: openInFinance ? {
      label: `${next.label} →`,
      href: (value: string, span: Span) => {
        const n = narrow(value);
        return n ? pageWithState('/finance', narrowedState(state, { ...n, span }), next.key ? { dim: next.dim, key: next.key } : { dim: next.dim }) : null;
      },
    } : undefined,
  };
  return (
    <ChartCard
      testId="finance-daily"
      title={fin.focus ? `Daily spend of ${fin.focus}` : `Daily spend by ${dimensionLabel(fin)}`}
      subtitle={<>Price-book cost per UTC day, stacked. Unpriced models are not in the bars; their tokens are read out beside them. Click a day for its requests.<UtcDaysNote state={state} /></>}
      query={query}
      csvHref={queryUrl('finance-spend-daily', { ...params, top_n: '0' }, 'csv')}
      isEmpty={(d) => d.rows.length === 0}
      empty={noDataText(state)}
    >
      {() => prepared && drawn && <SpendBody prepared={prepared} drawn={drawn} currency={currency} drill={drill} />}
    </ChartCard>
  );
}

function SpendBody({ prepared, drawn, currency, drill }: { prepared: PreparedSpendDaily; drawn: ReturnType<typeof spendDailySeries>; currency: string; drill: Drill }) {
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
      <TimeChart data={drawn.data} marks={drawn.marks} left={{ label: currency, format: money }} label={`Daily spend, ${series.length} series`} drill={drill} />
      {points.some((p) => p.partial) && <p className="mt-1 text-xs text-slate-500">The first and last days are partial: the range cuts them, and the last hour is still arriving.</p>}
    </div>
  );
}
