'use client';

import { IntentLink } from '@/components/intent-link';
import { ChartCard } from '@/components/chart-card';
import { requestsHref } from '@/lib/client/drill';
import { useFilterOptions } from '@/lib/client/use-filter-options';
import { useHere } from '@/lib/client/use-here';
import type { ReactNode } from 'react';
import { queryUrl } from '@/lib/client/api';
import { noDataText, type DashboardState } from '@/lib/client/search-params';
import { formatCount, formatMoney, formatShare, formatTokens } from '@/lib/charts/format';
import { prepareBreakdown, type BreakdownLine } from '@/lib/finance/prepare-breakdown';
import { dimensionLabel, valueAsNarrowing, type FinanceState } from '@/lib/finance/search-params';
import { currencyOf, useFinanceQuery } from '@/lib/finance/use-finance-query';

/** Spend per value of the chosen dimension; the whole table stays visible while drilled in. */
/** `links` draws the header's downloads for the range the table shows (the page knows which). */
export function ChartTableSpendBreakdown({ state, fin, onFocus, links }: { state: DashboardState; fin: FinanceState; onFocus: (value: string) => void; links?: (windowEnd: string) => ReactNode }) {
  const { query, params } = useFinanceQuery('finance-breakdown', state, fin, { top_n: String(fin.top) }, { withFocus: false });
  const { entityIdOf } = useFilterOptions(state);
  const here = useHere();
  const hrefOf = (value: string) => {
    const n = valueAsNarrowing(fin, value, entityIdOf);
    return n ? requestsHref(state, n, here) : null;
  };
  const label = dimensionLabel(fin);
  return (
    <ChartCard
      testId="finance-breakdown"
      title={`Spend by ${label}`}
      subtitle={`Top ${fin.top} by cost, the rest summed as (other). A name narrows the page to it; a request count opens those requests. The CSV has every value.`}
      query={query}
      csvHref={queryUrl('finance-breakdown', { ...params, top_n: '0' }, 'csv')}
      headerExtra={query.data?.window && links?.(query.data.window.end)}
      isEmpty={(d) => d.rows.length === 0}
      empty={noDataText(state)}
    >
      {(d) => <BreakdownTable lines={prepareBreakdown(d.rows).lines} currency={currencyOf(d)} label={label} focus={fin.focus} onFocus={onFocus} hrefOf={hrefOf} />}
    </ChartCard>
  );
}

function BreakdownTable({ lines, currency, label, focus, onFocus, hrefOf }: { lines: BreakdownLine[]; currency: string; label: string; focus?: string; onFocus: (v: string) => void; hrefOf: (value: string) => string | null }) {
  return (
    <div className="max-h-[28rem] overflow-auto">
      <table className="sticky-first w-full min-w-[40rem] text-sm" data-testid="breakdown-table">
        <thead className="sticky top-0 z-10 bg-white text-xs text-slate-500">
          <tr>
            <th className="py-1 pr-2 text-left font-normal">{label}</th>
            <th className="px-2 text-left font-normal">Cost</th>
            <th className="px-2 text-right font-normal">Requests</th>
            <th className="px-2 text-right font-normal">Tokens in · out</th>
            <th className="px-2 text-right font-normal" title="Share of tokens estimated as (characters + 1) / 4">Estimated</th>
            <th className="pl-2 text-right font-normal">Per 1k req.</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={`${l.value_rank}-${l.value}`} data-testid="breakdown-row" data-value={l.value} aria-selected={focus === l.value}
              className={`border-t border-slate-100 ${focus === l.value ? 'bg-sky-50' : ''}`}>
              <td className="max-w-[14rem] truncate py-1.5 pr-2" title={l.value}>
                {l.drillable
                  ? <button type="button" onClick={() => onFocus(l.value)} className="truncate text-left text-sky-800 hover:underline">{l.value}</button>
                  : <span className="text-slate-600">{l.value} <span className="text-xs">({formatCount(l.values_included)} values)</span></span>}
              </td>
              <td className="min-w-[9rem] px-2">
                {l.cost === null
                  ? <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900" title="No price in the price book for this model">unpriced</span>
                  : <div className="flex items-center gap-2">
                      <span className="h-2 rounded bg-sky-600" style={{ width: `${Math.max(2, l.bar * 64)}px` }} aria-hidden />
                      <span className="tabular-nums" data-testid="breakdown-cost">{formatMoney(l.cost, currency)}</span>
                      <span className="text-xs text-slate-400">{formatShare(l.costShare)}</span>
                    </div>}
                {l.cost !== null && l.unpriced_tokens > 0 && <div className="text-xs text-amber-800">+ {formatTokens(l.unpriced_tokens, true)} unpriced tokens</div>}
              </td>
              <td className="px-2 text-right tabular-nums">{l.drillable && hrefOf(l.value) ? <IntentLink href={hrefOf(l.value)!} className="text-sky-700 hover:underline" title={`Open the requests of ${l.value}`} data-testid="breakdown-requests">{formatCount(l.requests)}</IntentLink> : formatCount(l.requests)}</td>
              <td className="px-2 text-right tabular-nums">{formatTokens(l.input_tokens, true)} · {formatTokens(l.output_tokens, true)}</td>
              <td className="px-2 text-right tabular-nums">{formatShare(l.estimatedShare)}</td>
              <td className="pl-2 text-right tabular-nums">{l.costPer1k === null ? '–' : formatMoney(l.costPer1k, currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
