'use client';

import { useQuery } from '@tanstack/react-query';
import { ApiError } from '@/lib/client/api';
import type { FinanceConfig } from './config';

async function fetchFinanceConfig(signal?: AbortSignal): Promise<FinanceConfig> {
  const res = await fetch('/api/finance/config', { signal, headers: { accept: 'application/json' } });
  const body = (await res.json().catch(() => null)) as (FinanceConfig & { error?: string; requestId?: string }) | null;
  if (!res.ok || !body) throw new ApiError(body?.error ?? `Request failed (${res.status})`, res.status, body?.requestId ?? res.headers.get('x-request-id'));
  return body;
}

/** The price book and billing configuration; changes only when the server restarts. */
export function useFinanceConfig() {
  return useQuery({ queryKey: ['finance-config'], queryFn: ({ signal }) => fetchFinanceConfig(signal), staleTime: 5 * 60_000 });
}
