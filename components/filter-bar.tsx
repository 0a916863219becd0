'use client';

import { useMemo, useState } from 'react';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { TRANSIENT_KEYS } from '@/lib/client/drill';
import { describeFilters, rangeLabel, STATUS_CLASSES, STATUS_LABEL, withSharedState, type DashboardState } from '@/lib/client/search-params';
import { useFilterOptions } from '@/lib/client/use-filter-options';
import { registerSeriesNames } from '@/lib/charts/palette';
import { ContextFilters } from './context-filters';
import { RangeControl } from './range-control';
import { RefusedParamsNotice } from './refused-params-notice';
import { RequesterFilter } from './requester-filter';
import { Field, Select, inputClass } from './select';
import { TimeControls } from './time-controls';
import { UrlNotice } from './url-notice';

/**
 * The shared filters, on every page, held in the URL so a view can be shared by its link. A
 * change keeps the page's own settings (its other URL keys) and adds a history entry, so Back
 * undoes it; `drop` names the page's keys a change makes meaningless.
 */
export function FilterBar({ state, showSplit = true, drop = [] }: { state: DashboardState; showSplit?: boolean; drop?: readonly string[] }) {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const set = (patch: Partial<DashboardState>) => {
    const qs = withSharedState(search.toString(), { ...state, ...patch }, [...TRANSIENT_KEYS, ...drop]);
    router.push(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
  };

  const { query: options, rows } = useFilterOptions(state);
  // Endpoints and entities get their colours in name order, before any chart asks for one.
  useMemo(() => registerSeriesNames(rows.flatMap((r) => [r.endpoint_name, ...(r.served_entity_name ? [r.served_entity_name] : [])])), [rows]);
  const endpoints = useMemo(() => [...new Set(rows.map((r) => r.endpoint_name))].sort(), [rows]);
  const entities = useMemo(() => rows.filter((r) => r.served_entity_id && (!state.endpoint || r.endpoint_name === state.endpoint)), [rows, state.endpoint]);
  const shown = options.data?.window ? { start: Date.parse(options.data.window.start), end: Date.parse(options.data.window.end) } : null;
  const filters = describeFilters(state);
  // On a phone the filters fold away behind one line saying what is applied.
  const [open, setOpen] = useState(false);

  return (
    <div className="flex flex-col gap-2" data-testid="filter-bar-wrap">
      <RefusedParamsNotice />
      <UrlNotice state={state} endpoints={options.data ? endpoints : null} entities={options.data ? entities.map((r) => r.served_entity_id!) : null} />
      <button type="button" className="flex items-center gap-2 rounded-lg border border-slate-200 bg-white px-3 py-2 text-left text-sm shadow-sm md:hidden" aria-expanded={open} aria-controls="filter-bar" onClick={() => setOpen((v) => !v)} data-testid="filter-toggle">
        <span className="font-medium">Filters</span>
        <span className="min-w-0 flex-1 truncate text-slate-500">{rangeLabel(state)}{filters.length ? ` · ${filters.length} applied` : ''} · {state.tz ?? 'UTC'}</span>
        <span aria-hidden>{open ? '▴' : '▾'}</span>
      </button>
      <div id="filter-bar" role="group" aria-label="Filters" className={`${open ? 'flex' : 'hidden'} flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 shadow-sm md:flex`} data-testid="filter-bar">
        <RangeControl state={state} shown={shown} set={set} />
        <Field label="Endpoint">
          <Select aria-label="Endpoint" value={state.endpoint ?? ''} onCommit={(v) => set({ endpoint: v || undefined, entity: undefined })} className={inputClass}>
            <option value="">All endpoints</option>
            {endpoints.map((e) => <option key={e} value={e}>{e}</option>)}
            {state.endpoint && !endpoints.includes(state.endpoint) && <option value={state.endpoint}>{state.endpoint} (no traffic)</option>}
          </Select>
        </Field>
        <Field label="Served entity">
          <Select aria-label="Served entity" value={state.entity ?? ''} onCommit={(v) => set({ entity: v || undefined })} className={`${inputClass} w-56`}>
            <option value="">All served entities</option>
            {entities.map((r) => (
              <option key={`${r.endpoint_name}/${r.served_entity_id}`} value={r.served_entity_id!}>
                {r.served_entity_name ?? r.served_entity_id}{r.entity_name ? ` · ${r.entity_name}` : ''}{state.endpoint ? '' : ` (${r.endpoint_name})`}
              </option>
            ))}
            {state.entity && !entities.some((r) => r.served_entity_id === state.entity) && <option value={state.entity}>{state.entity} (no traffic)</option>}
          </Select>
        </Field>
        <RequesterFilter state={state} set={set} />
        <Field label="Status">
          <Select aria-label="Status" value={state.status ?? ''} onCommit={(v) => set({ status: (STATUS_CLASSES as readonly string[]).includes(v) ? (v as DashboardState['status']) : undefined })} className={inputClass}>
            <option value="">Any status</option>
            {STATUS_CLASSES.map((s) => <option key={s} value={s}>{STATUS_LABEL[s]}</option>)}
          </Select>
        </Field>
        <ContextFilters state={state} set={set} />
        {showSplit && (
          <Field label="Split by">
            <Select aria-label="Split by" value={state.split} onCommit={(v) => set({ split: v as DashboardState['split'] })} className={inputClass}>
              <option value="none">Nothing</option>
              <option value="endpoint">Endpoint</option>
              <option value="served_entity">Served entity</option>
              <option value="status">Status class</option>
            </Select>
          </Field>
        )}
        <TimeControls state={state} set={set} />
        {options.error && <span role="alert" className="text-xs text-red-700">Filter options failed to load: {options.error.message}</span>}
        <div className="flex w-full flex-wrap items-center gap-2 text-xs text-slate-500">
          <span data-testid="applied-filters">{filters.length ? `Filtered to ${filters.join(', ')}.` : 'No filters: every request in the range.'}</span>
          {filters.length > 0 && (
            <button type="button" onClick={() => set({ endpoint: undefined, entity: undefined, requester: undefined, status: undefined, contexts: [] })} className="rounded border border-slate-300 px-2 py-0.5 hover:bg-slate-100">Clear filters</button>
          )}
          <span className="ml-auto" data-testid="reporting-zone">Times in {state.tz ?? 'UTC'}</span>
        </div>
      </div>
    </div>
  );
}
