'use client';

import { ChartCard } from '@/components/chart-card';
import { SummaryTiles, Tile } from '@/components/charts/summary-tiles';
import { queryUrl } from '@/lib/client/api';
import { noDataText, type DashboardState } from '@/lib/client/search-params';
import { prepareProjection } from '@/lib/finance/prepare-projection';
import type { FinanceState } from '@/lib/finance/search-params';
import { currencyOf, useFinanceQuery } from '@/lib/finance/use-finance-query';
import { formatMoney, formatTokens } from '@/lib/charts/format';

export function FinanceKpis({ state, fin }: { state: DashboardState; fin: FinanceState }) {
  const summary = useFinanceQuery('finance-summary', state, fin);
  const month = useFinanceQuery('finance-month-to-date', state, fin);
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <div className="lg:col-span-2">
        <ChartCard
          testId="finance-summary"
          title="Spend and tokens in the range"
          subtitle="Price-book cost; tokens by where they were counted."
          query={summary.query}
          csvHref={queryUrl('finance-summary', summary.params, 'csv')}
          isEmpty={(d) => d.rows.length === 0}
          empty={noDataText(state)}
        >
          {(d) => <SummaryTiles rows={d.rows} currency={currencyOf(d)} />}
        </ChartCard>
      </div>
      <ChartCard
        testId="finance-month"
        title="Month to date (UTC)"
        subtitle="From the 1st of the month of the range's end, whatever the range."
        query={month.query}
        csvHref={queryUrl('finance-month-to-date', month.params, 'csv')}
        isEmpty={(d) => d.rows.length === 0}
        empty="No requests this month yet."
      >
        {(d) => {
          const p = prepareProjection(d.rows, String(d.params.start_date), d.window!.end);
          const c = currencyOf(d);
          return (
            <dl className="grid gap-3 text-sm">
              <Tile label={`Spent in ${p.month}`} value={p.monthToDate === null ? 'unpriced' : formatMoney(p.monthToDate, c)} testId="kpi-mtd"
                note={p.unpricedTokens > 0 ? `+ ${formatTokens(p.unpricedTokens, true)} tokens on unpriced models` : undefined} />
              <Tile label="Projected month end" value={p.projected === null ? '–' : formatMoney(p.projected, c)} testId="kpi-projection" note={`Method: ${p.method}.`} />
            </dl>
          );
        }}
      </ChartCard>
    </div>
  );
}
