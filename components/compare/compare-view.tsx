'use client';

import { useEffect, useMemo } from 'react';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { ChartAreaEntityShare } from '@/components/charts/chart-area-entity-share';
import { ChartLineEntityLatency } from '@/components/charts/chart-line-entity-latency';
import { FilterBar } from '@/components/filter-bar';
import { readCompareState } from '@/lib/compare/search-params';
import { apiFilters, noDataText, readState } from '@/lib/client/search-params';
import { useCatalogueQuery } from '@/lib/client/use-catalogue-query';
import { CompareControls } from './compare-controls';
import { EntityHistory } from './entity-history';
import { EntityTable } from './entity-table';
import { SideBySide } from './side-by-side';
import { SignificanceCard } from './significance-card';
import type { QueryRow } from '@/queries';


export function CompareView() {
  const search = useSearchParams();
  const state = readState(search);
  const compare = readCompareState(search);
  const router = useRouter();
  const pathname = usePathname();
  // The same request as the filter bar's, so it is served from the cache.
  const options = useCatalogueQuery('filter-options', { ...apiFilters(state), endpoint: undefined, served_entity: undefined });
  const suggested = useMemo(() => busiestChoice(options.data?.rows ?? []), [options.data]);

  // Without an endpoint there is nothing to compare: open the one serving the most entities.
  useEffect(() => {
    if (state.endpoint || !suggested) return;
    const qs = new URLSearchParams(search.toString());
    qs.set('endpoint', suggested);
    router.replace(`${pathname}?${qs}`, { scroll: false });
  }, [state.endpoint, suggested, search, router, pathname]);

  return (
    <div className="flex flex-col gap-4">
      <div>
        <h1 className="text-xl font-semibold">Compare served entities</h1>
        <p className="text-sm text-slate-600">Which model of an endpoint is faster, fails less and costs less — with confidence intervals, and tests that say when the data cannot tell.</p>
      </div>
      <FilterBar state={state} showSplit={false} />
      {!state.endpoint ? (
        <div data-testid="compare-pick-endpoint" className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-600">
          {options.isPending ? 'Looking for endpoints with traffic…' : options.error ? `Endpoints could not be listed: ${options.error.message}` : noDataText(state, 'No endpoint had traffic')}
        </div>
      ) : (
        <>
          <CompareControls state={state} compare={compare} />
          <EntityTable state={state} compare={compare} />
          <SignificanceCard state={state} compare={compare} />
          <div className="grid gap-4 xl:grid-cols-2">
            <ChartAreaEntityShare state={state} compare={compare} />
            <ChartLineEntityLatency state={state} compare={compare} />
          </div>
          <SideBySide state={state} />
          <EntityHistory state={state} />
        </>
      )}
    </div>
  );
}

/** The endpoint with the most served entities in the window (then the most logged rows). */
function busiestChoice(rows: Pick<QueryRow<'filter-options'>, 'endpoint_name' | 'served_entity_id'>[]): string | null {
  const by = new Map<string, number>();
  for (const r of rows) if (r.served_entity_id) by.set(r.endpoint_name, (by.get(r.endpoint_name) ?? 0) + 1);
  return [...by.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
}
