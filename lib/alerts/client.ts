'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '@/lib/client/api';
import type { Evaluation } from './evaluator';
import type { ColumnKind, Measure, RelativeWindow, Rule, RuleInput, Budget, SavedView } from './rules';
import type { RuleItem } from './service';
import type { Preset } from './presets';
import type { Firing } from './store';

/** The alerts API from the browser: JSON both ways, any non-2xx an ApiError with its problems. */
export async function alertsApi<T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: { accept: 'application/json', ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError('The dashboard server could not be reached', 0, null);
  }
  if (res.status === 204) return undefined as T;
  const json = await res.json().catch(() => null) as (T & { error?: string; requestId?: string; problems?: { path: string; message: string }[] }) | null;
  if (!res.ok) {
    const detail = json?.problems?.length ? `: ${json.problems.map((p) => `${p.path} ${p.message}`).join('; ')}` : '';
    throw new ApiError(`${json?.error ?? `Request failed (${res.status})`}${detail}`, res.status, json?.requestId ?? res.headers.get('x-request-id'), json?.problems ?? []);
  }
  return json as T;
}

export interface RulesResponse { now: string; engine: 'duckdb' | 'databricks'; evaluator: 'on' | 'off' | 'databricks'; demoLive: boolean; rules: RuleItem[] }
export interface EditorChoices {
  query: { id: string; title: string; description: string };
  params: Record<string, string>;
  dropped: string[];
  problem: string | null;
  columns: { name: string; kind: ColumnKind }[];
  presets: Preset[];
  windows: { window: RelativeWindow; label: string; ok: boolean; reason?: string }[];
}
export type { Budget, Evaluation, Firing, Measure, RelativeWindow, Rule, RuleInput, RuleItem, SavedView };

export const ALERTS_KEY = ['alerts'] as const;

export function useRules() {
  return useQuery({ queryKey: ALERTS_KEY, queryFn: () => alertsApi<RulesResponse>('GET', '/api/alerts'), refetchInterval: 30_000 });
}

export function useDestinations() {
  return useQuery({ queryKey: ['alerts', 'destinations'], queryFn: () => alertsApi<{ destinations: { id: string; name: string; type: string }[] }>('GET', '/api/alerts/destinations'), staleTime: 300_000 });
}

export function useBudgets() {
  return useQuery({ queryKey: ['budgets'], queryFn: () => alertsApi<{ budgets: Budget[] }>('GET', '/api/budgets') });
}

export function useViews() {
  return useQuery({ queryKey: ['views'], queryFn: () => alertsApi<{ views: SavedView[] }>('GET', '/api/views') });
}

/** A change that refreshes the lists it touches when it succeeds. */
export function useChange<V, R = unknown>(fn: (v: V) => Promise<R>, keys: readonly (readonly string[])[] = [ALERTS_KEY]) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => Promise.all(keys.map((queryKey) => client.invalidateQueries({ queryKey }))) });
}
