'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { ChartBarSpendDaily } from '@/components/charts/chart-bar-spend-daily';
import { ChartLineTokenTrends } from '@/components/charts/chart-line-token-trends';
import { ChartTableSpendBreakdown } from '@/components/charts/chart-table-spend-breakdown';
import { FilterBar } from '@/components/filter-bar';
import { TRANSIENT_KEYS } from '@/lib/client/drill';
import { readState, withSharedState, type DashboardState } from '@/lib/client/search-params';
import { readFinanceState, writeFinanceState, type FinanceState } from '@/lib/finance/search-params';
import { BudgetsPanel } from './budgets-panel';
import { FinanceControls } from './finance-controls';
import { FinanceKpis } from './finance-kpis';
import { FocusBar } from './focus-bar';
import { PriceBookPanel } from './price-book-panel';
import { ReconciliationCard } from './reconciliation-card';
import { StatementLinks } from './statement-links';
import { TokenSourceBanner } from './token-source-banner';

export function FinanceView() {
  const search = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const state = readState(search);
  const fin = readFinanceState(search);
  const setFin = (patch: Partial<FinanceState>, shared?: DashboardState) => {
    const own = writeFinanceState(search.toString(), { ...fin, ...patch });
    const qs = shared ? withSharedState(own, shared, TRANSIENT_KEYS) : own;
    router.push(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
  };

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-baseline gap-3">
        <h1 className="text-xl font-semibold">Finance</h1>
        <p className="text-sm text-slate-500">Tokens and spend from the inference tables, priced with the price book below. Every figure is weighted by 1 / sampling_fraction.</p>
      </div>
      <FilterBar state={state} showSplit={false} />
      <FinanceControls state={state} fin={fin} onChange={setFin} />
      <TokenSourceBanner state={state} fin={fin} />
      {fin.focus && <FocusBar state={state} fin={fin} onClear={() => setFin({ focus: undefined })} />}
      <FinanceKpis state={state} fin={fin} />
      <BudgetsPanel state={state} fin={fin} />
      <div className="grid gap-4 xl:grid-cols-2">
        <ChartTableSpendBreakdown state={state} fin={fin} onFocus={(focus) => setFin({ focus })} links={(windowEnd) => <StatementLinks state={state} fin={fin} windowEnd={windowEnd} />} />
        <ChartBarSpendDaily state={state} fin={fin} />
      </div>
      <ChartLineTokenTrends state={state} fin={fin} onMetric={(tokens) => setFin({ tokens })} />
      <div className="grid gap-4 xl:grid-cols-3">
        <ReconciliationCard state={state} />
        <div className="xl:col-span-2"><PriceBookPanel /></div>
      </div>
    </div>
  );
}
