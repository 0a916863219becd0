'use client';

import { useQuery } from '@tanstack/react-query';
import type { Principal } from '@/lib/principals/types';

/** Display names for requester ids (one request for the ids a view shows), by id; an unknown name stays null. */
export function usePrincipalNames(ids: readonly (string | null | undefined)[]): Map<string, Principal> {
  const wanted = [...new Set(ids.filter((id): id is string => typeof id === 'string' && id !== ''))].sort().slice(0, 200);
  const query = useQuery({
    queryKey: ['principals', wanted],
    enabled: wanted.length > 0,
    staleTime: 10 * 60_000,
    queryFn: async ({ signal }) => {
      const res = await fetch(`/api/principals?ids=${encodeURIComponent(wanted.join(','))}`, { signal, headers: { accept: 'application/json' } });
      // Names are a nicety: without them the ids are shown, never an error in their place.
      if (!res.ok) return [] as Principal[];
      return ((await res.json()) as { principals: Principal[] }).principals;
    },
  });
  return new Map((query.data ?? []).map((p) => [p.id, p]));
}

/** What to show for a requester: its name where known, else its id. */
export function principalLabel(id: string, names: Map<string, Principal>): string {
  return names.get(id)?.name ?? id;
}
