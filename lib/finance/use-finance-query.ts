'use client';

import type { UseQueryResult } from '@tanstack/react-query';
import type { QueryResponse } from '@/lib/client/api';
import { apiFilters, type DashboardState } from '@/lib/client/search-params';
import { useCatalogueQuery } from '@/lib/client/use-catalogue-query';
import { financeApiParams, type FinanceState } from './search-params';

/** Finance responses also say whether endpoint_usage could be read (see runQuery). */
export type FinanceResponse<R> = QueryResponse<R> & { endpointUsage?: 'readable' | 'unreadable' };

/** One finance chart's query: the shared filters plus the chosen dimension (and focus). */
export function useFinanceQuery<R>(id: string, state: DashboardState, fin: FinanceState, extra: Record<string, string | undefined> = {}, opts: { withFocus?: boolean } = {}) {
  const params = { ...apiFilters(state), ...financeApiParams(fin, opts), ...extra };
  const query = useCatalogueQuery<R>(id, params, { live: state.range !== 'custom' }) as UseQueryResult<FinanceResponse<R>>;
  return { query, params };
}

export function currencyOf(data: { params: Record<string, unknown> } | undefined): string {
  const c = data?.params.currency;
  return typeof c === 'string' && /^[A-Z]{3}$/.test(c) ? c : 'USD';
}
