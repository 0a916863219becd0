'use client';

import { ChartCard } from '@/components/chart-card';
import { PageLink } from '@/components/page-link';
import { queryUrl } from '@/lib/client/api';
import type { DashboardState } from '@/lib/client/search-params';
import { readFinanceState } from '@/lib/finance/search-params';
import { currencyOf, useFinanceQuery } from '@/lib/finance/use-finance-query';
import { SummaryTiles } from './summary-tiles';

const DEFAULT_FINANCE = readFinanceState(new URLSearchParams());

/** Tokens and estimated spend for the same range and filters, on the pages that are not Finance. */
export function SpendSnapshot({ state }: { state: DashboardState }) {
  const { query, params } = useFinanceQuery('finance-summary', state, DEFAULT_FINANCE);
  return (
    <ChartCard
      testId="spend-snapshot"
      title="Tokens and estimated cost"
      subtitle={<>Price-book cost for the same range and filters; tokens by where they were counted. <PageLink path="/finance" className="text-sky-700 underline">Open Finance</PageLink> for breakdowns and exports.</>}
      query={query}
      csvHref={queryUrl('finance-summary', params, 'csv')}
      isEmpty={(d) => d.rows.length === 0}
      empty="No requests were logged in this range."
    >
      {(d) => <SummaryTiles rows={d.rows} currency={currencyOf(d)} />}
    </ChartCard>
  );
}
