'use client';

import { useDeferredValue, useId, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { formatCount } from '@/lib/charts/format';
import { requesterLabel, resolveRequester, type RequesterChoice } from '@/lib/client/requesters';
import { apiFilters, type DashboardState } from '@/lib/client/search-params';
import { Field, inputClass } from './select';

/**
 * Requester: type a name or an id; the list offers the window's requesters that match (their
 * names from the workspace where known), busiest first; Enter or a choice applies.
 */
export function RequesterFilter({ state, set }: { state: DashboardState; set: (patch: Partial<DashboardState>) => void }) {
  const list = useId();
  const [text, setText] = useState(state.requester ?? '');
  const [seen, setSeen] = useState(state.requester);
  // The URL changed under the box (back, a link): show what is applied.
  if (seen !== state.requester) {
    setSeen(state.requester);
    setText(state.requester ?? '');
  }
  // The choices are asked for once someone reaches for the box, not on every page load.
  const [wanted, setWanted] = useState(false);
  const q = useDeferredValue(text.trim());
  const params = new URLSearchParams(Object.entries({ ...apiFilters(state), requester: undefined, q }).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''));
  const search = useQuery({
    queryKey: ['principals-search', params.toString()],
    queryFn: async ({ signal }) => {
      const res = await fetch(`/api/principals/search?${params}`, { signal, headers: { accept: 'application/json' } });
      // Choices are a help: without them an id typed in still filters.
      return res.ok ? ((await res.json()) as { principals: RequesterChoice[] }).principals : [];
    },
    staleTime: 60_000,
    enabled: wanted,
  });
  const choices: RequesterChoice[] = search.data ?? [];
  const apply = (value: string) => {
    const id = resolveRequester(value, choices);
    setText(id);
    if ((id || undefined) !== state.requester) set({ requester: id || undefined });
  };
  return (
    <Field label="Requester">
      <span className="flex gap-1">
        <input
          aria-label="Requester"
          list={list}
          placeholder="name or id"
          value={text}
          onFocus={() => setWanted(true)}
          onPointerEnter={() => setWanted(true)}
          onChange={(e) => {
            setText(e.target.value);
            // Picked from the list: apply at once.
            if (choices.some((c) => c.id === e.target.value)) apply(e.target.value);
          }}
          onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); apply(text); } }}
          className={`${inputClass} w-56`}
        />
        {state.requester && <button type="button" aria-label="Clear the requester filter" onClick={() => apply('')} className="rounded border border-slate-300 px-2 text-sm hover:bg-slate-100">×</button>}
      </span>
      <datalist id={list} data-testid="requester-choices">
        {choices.map((c) => <option key={c.id} value={c.id} label={`${requesterLabel(c)} · ${formatCount(c.requests)} requests`} />)}
      </datalist>
    </Field>
  );
}
