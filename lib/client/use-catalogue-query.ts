'use client';

import { createContext, useContext } from 'react';
import { keepPreviousData, useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { QueryId } from '@/queries';
import { fetchQuery, queryUrl, type CatalogueResponse, type ParamsOf } from './api';
import { createScheduler, type Scheduler } from './scheduler';

/** Relative ranges refresh every minute, so "last 24h" keeps moving with the clock. */
export const LIVE_REFRESH_MS = 60_000;

/** The page's query scheduler (app/providers.tsx makes one per page with the server's concurrency). */
export const SchedulerContext = createContext<Scheduler>(createScheduler({ concurrency: Number.POSITIVE_INFINITY }));

export function useScheduler(): Scheduler {
  return useContext(SchedulerContext);
}

export function catalogueQueryKey<Id extends QueryId>(id: Id, params: ParamsOf<Id>) {
  const clean = Object.fromEntries(Object.entries(params as Record<string, string | undefined>).filter(([, v]) => v !== undefined && v !== ''));
  return ['catalogue', id, clean] as const;
}

/** A chart's query with the key its card tells the scheduler where it stands by (components/chart-card.tsx). */
export type ScheduledQuery<R> = UseQueryResult<R> & { requestKey?: string };

/**
 * One chart, one query: each chart owns its request, so a slow one never blanks the page. The id
 * picks the query's parameter and row types (queries/index.ts): nothing is re-declared here.
 * Requests wait their turn in the page's scheduler (lib/client/scheduler.ts).
 */
export function useCatalogueQuery<Id extends QueryId>(id: Id, params: ParamsOf<Id>, options: { live?: boolean; enabled?: boolean } = {}): ScheduledQuery<CatalogueResponse<Id>> {
  const scheduler = useScheduler();
  const requestKey = queryUrl(id, params);
  const query = useQuery({
    queryKey: catalogueQueryKey(id, params),
    queryFn: ({ signal }) => scheduler.run(requestKey, () => fetchQuery(id, params, signal), signal),
    refetchInterval: options.live ? LIVE_REFRESH_MS : false,
    enabled: options.enabled ?? true,
    placeholderData: keepPreviousData,
  });
  return Object.assign(query, { requestKey });
}
