'use client';

import { useSearchParams } from 'next/navigation';
import { ChartAreaRequests } from '@/components/charts/chart-area-requests';
import { FilterBar } from '@/components/filter-bar';
import { KpiRow } from '@/components/charts/kpi-row';
import { SpendSnapshot } from '@/components/charts/spend-snapshot';
import { readState } from '@/lib/client/search-params';

export function OverviewView() {
  const state = readState(useSearchParams());
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold">Overview</h1>
      <FilterBar state={state} />
      <KpiRow state={state} />
      <SpendSnapshot state={state} />
      <ChartAreaRequests state={state} />
    </div>
  );
}
