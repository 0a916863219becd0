'use client';

import { useId, useMemo, useState } from 'react';
import { formatCount } from '@/lib/charts/format';
import { requesterChoices, requesterLabel, resolveRequester } from '@/lib/client/requesters';
import { apiFilters, type DashboardState } from '@/lib/client/search-params';
import { useCatalogueQuery } from '@/lib/client/use-catalogue-query';
import { Field, inputClass } from './select';

/** Requester: type an id or a name (the list offers the window's requesters, busiest first); Enter applies. */
export function RequesterFilter({ state, set }: { state: DashboardState; set: (patch: Partial<DashboardState>) => void }) {
  const list = useId();
  const query = useCatalogueQuery('filter-requesters', { ...apiFilters(state), requester: undefined });
  const choices = useMemo(() => requesterChoices(query.data?.rows ?? []), [query.data]);
  const [text, setText] = useState(state.requester ?? '');
  const [seen, setSeen] = useState(state.requester);
  // The URL changed under the box (back, a link): show what is applied.
  if (seen !== state.requester) {
    setSeen(state.requester);
    setText(state.requester ?? '');
  }
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
      <datalist id={list}>
        {choices.map((c) => <option key={c.id} value={c.id} label={`${requesterLabel(c)} · ${formatCount(c.requests)} requests`} />)}
      </datalist>
    </Field>
  );
}
