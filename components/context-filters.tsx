'use client';

import { useId, useState } from 'react';
import { formatCount } from '@/lib/charts/format';
import { apiFilters, MAX_CONTEXTS, type DashboardState } from '@/lib/client/search-params';
import { useCatalogueQuery } from '@/lib/client/use-catalogue-query';
import { CONTEXT_FILTER_KEY, formatContextFilter, type ContextFilter } from '@/lib/identifiers';
import { Field, inputClass } from './select';

/** usage_context key = value filters (at most two, both must hold): chips to remove, a form to add. */
export function ContextFilters({ state, set }: { state: DashboardState; set: (patch: Partial<DashboardState>) => void }) {
  const remove = (c: ContextFilter) => set({ contexts: state.contexts.filter((x) => x !== c) });
  return (
    <div className="flex min-w-0 flex-wrap items-end gap-2">
      {state.contexts.map((c) => (
        <span key={formatContextFilter(c)} className="flex max-w-full items-center gap-1 self-end rounded-full bg-sky-100 px-3 py-1 text-sm text-sky-900" data-testid="context-chip">
          <span className="truncate">{c.key} = {c.value ?? 'any value'}</span>
          <button type="button" aria-label={`Remove the filter ${formatContextFilter(c)}`} onClick={() => remove(c)} className="rounded px-1 hover:bg-sky-200">×</button>
        </span>
      ))}
      {state.contexts.length < MAX_CONTEXTS && <AddContext state={state} onAdd={(c) => set({ contexts: [...state.contexts.filter((x) => x.key !== c.key), c] })} />}
    </div>
  );
}

function AddContext({ state, onAdd }: { state: DashboardState; onAdd: (c: ContextFilter) => void }) {
  const keysList = useId();
  const valuesList = useId();
  const [key, setKey] = useState('');
  const [value, setValue] = useState('');
  const validKey = CONTEXT_FILTER_KEY.test(key);
  // The keys are asked for once someone reaches for the box, not on every page load.
  const [wanted, setWanted] = useState(false);
  const keys = useCatalogueQuery('finance-context-keys', apiFilters(state), { enabled: wanted });
  const values = useCatalogueQuery('filter-context-values', { ...apiFilters(state), context_key: key }, { enabled: validKey });
  return (
    <form
      className="flex flex-wrap items-end gap-1"
      aria-label="Add a usage_context filter"
      onSubmit={(e) => {
        e.preventDefault();
        if (!validKey) return;
        onAdd({ key, value: value.trim() || null });
        setKey('');
        setValue('');
      }}
    >
      <Field label="usage_context key">
        <input aria-label="usage_context key" list={keysList} placeholder="e.g. project" value={key} onFocus={() => setWanted(true)} onPointerEnter={() => setWanted(true)} onChange={(e) => setKey(e.target.value.trim())} className={`${inputClass} w-36`} />
        <datalist id={keysList}>{keys.data?.rows.map((r) => <option key={r.context_key} value={r.context_key} label={`${formatCount(r.distinct_values)} values`} />)}</datalist>
      </Field>
      <Field label="= value">
        <input aria-label="usage_context value" list={valuesList} placeholder="any value" value={value} onChange={(e) => setValue(e.target.value)} disabled={!validKey} className={`${inputClass} w-40`} />
        <datalist id={valuesList}>{values.data?.rows.map((r) => <option key={r.value} value={r.value} label={`${formatCount(r.requests)} requests`} />)}</datalist>
      </Field>
      <button type="submit" disabled={!validKey} className="rounded border border-slate-300 px-2 py-1.5 text-sm hover:bg-slate-100 disabled:opacity-40">Add</button>
    </form>
  );
}
