'use client';

import { useSearchParams } from 'next/navigation';
import { ChartAreaRequests } from '@/components/charts/chart-area-requests';
import { ChartBarErrors } from '@/components/charts/chart-bar-errors';
import { ChartBarSpendDaily } from '@/components/charts/chart-bar-spend-daily';
import { ChartLineLatency } from '@/components/charts/chart-line-latency';
import { FilterBar } from '@/components/filter-bar';
import { KpiRow } from '@/components/charts/kpi-row';
import { SpendSnapshot } from '@/components/charts/spend-snapshot';
import { readState } from '@/lib/client/search-params';

/**
 * The first page: the key numbers, then the four things that go wrong (traffic, latency, errors,
 * spend), each leading to the requests behind a bucket in two clicks.
 */
export function OverviewView() {
  const state = readState(useSearchParams());
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-baseline gap-3">
        <h1 className="text-xl font-semibold">Overview</h1>
        <p className="text-sm text-slate-500">Click a bucket of any chart for the requests behind it; drag across buckets to zoom.</p>
      </div>
      <FilterBar state={state} />
      <KpiRow state={state} />
      <SpendSnapshot state={state} />
      <ChartAreaRequests state={state} />
      <div className="grid min-w-0 gap-4 xl:grid-cols-2">
        <ChartLineLatency state={state} />
        <ChartBarErrors state={state} />
      </div>
      <ChartBarSpendDaily state={state} openInFinance />
    </div>
  );
}
