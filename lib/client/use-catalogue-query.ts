'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { QueryId } from '@/queries';
import { fetchQuery, type ParamsOf } from './api';

/** Relative ranges refresh every minute, so "last 24h" keeps moving with the clock. */
export const LIVE_REFRESH_MS = 60_000;

export function catalogueQueryKey<Id extends QueryId>(id: Id, params: ParamsOf<Id>) {
  const clean = Object.fromEntries(Object.entries(params as Record<string, string | undefined>).filter(([, v]) => v !== undefined && v !== ''));
  return ['catalogue', id, clean] as const;
}

/**
 * One chart, one query: each chart owns its request, so a slow one never blanks the page. The id
 * picks the query's parameter and row types (queries/index.ts): nothing is re-declared here.
 */
export function useCatalogueQuery<Id extends QueryId>(id: Id, params: ParamsOf<Id>, options: { live?: boolean; enabled?: boolean } = {}) {
  return useQuery({
    queryKey: catalogueQueryKey(id, params),
    queryFn: ({ signal }) => fetchQuery(id, params, signal),
    refetchInterval: options.live ? LIVE_REFRESH_MS : false,
    enabled: options.enabled ?? true,
    placeholderData: keepPreviousData,
  });
}
