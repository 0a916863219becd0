'use client';

import type { ParamsOf } from '@/lib/client/api';
import { apiFilters, type DashboardState } from '@/lib/client/search-params';
import { useCatalogueQuery } from '@/lib/client/use-catalogue-query';
import type { QueryId } from '@/queries';
import { financeApiParams, type FinanceState } from './search-params';

type FinanceQueryId = Extract<QueryId, `finance-${string}`>;

/** One finance chart's query: the shared filters plus the chosen dimension (and focus). */
export function useFinanceQuery<Id extends FinanceQueryId>(id: Id, state: DashboardState, fin: FinanceState, extra: ParamsOf<Id> = {}, opts: { withFocus?: boolean } = {}) {
  const params = { ...apiFilters(state), ...financeApiParams(fin, opts), ...extra } as ParamsOf<Id>;
  const query = useCatalogueQuery(id, params, { live: state.range !== 'custom' });
  return { query, params };
}

export function currencyOf(data: { params: Record<string, unknown> } | undefined): string {
  const c = data?.params.currency;
  return typeof c === 'string' && /^[A-Z]{3}$/.test(c) ? c : 'USD';
}
