'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Row } from '@/lib/warehouse/types';
import { fetchQuery } from './api';

/** Relative ranges refresh every minute, so "last 24h" keeps moving with the clock. */
export const LIVE_REFRESH_MS = 60_000;

export function catalogueQueryKey(id: string, params: Record<string, string | undefined>) {
  const clean = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined && v !== ''));
  return ['catalogue', id, clean] as const;
}

/** One chart, one query: each chart owns its request, so a slow one never blanks the page. */
export function useCatalogueQuery<R = Row>(id: string, params: Record<string, string | undefined>, options: { live?: boolean; enabled?: boolean } = {}) {
  return useQuery({
    queryKey: catalogueQueryKey(id, params),
    queryFn: ({ signal }) => fetchQuery<R>(id, params, signal),
    refetchInterval: options.live ? LIVE_REFRESH_MS : false,
    enabled: options.enabled ?? true,
    placeholderData: keepPreviousData,
  });
}
