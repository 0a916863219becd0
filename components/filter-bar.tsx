'use client';

import { useMemo, useState } from 'react';
import { usePathname, useRouter } from 'next/navigation';
import { apiFilters, writeState, type DashboardState } from '@/lib/client/search-params';
import { useCatalogueQuery } from '@/lib/client/use-catalogue-query';
import { RANGE_PRESETS } from '@/lib/time/ranges';
import { TimeControls } from './time-controls';


const RANGE_LABEL: Record<string, string> = { '15m': 'Last 15 minutes', '1h': 'Last hour', '6h': 'Last 6 hours', '24h': 'Last 24 hours', '7d': 'Last 7 days', '14d': 'Last 14 days', '30d': 'Last 30 days', '90d': 'Last 90 days', custom: 'Custom range (UTC)' };

/**
 * Global filters, held in the URL so the view can be shared by its link. `carry` holds a page's
 * own URL parameters that survive a change of the shared ones (the page decides which: a list
 * cursor, say, should not).
 */
export function FilterBar({ state, showSplit = true, carry }: { state: DashboardState; showSplit?: boolean; carry?: URLSearchParams }) {
  const router = useRouter();
  const pathname = usePathname();
  const set = (patch: Partial<DashboardState>) => {
    // A page's own URL keys (e.g. the inspector's filters) survive a change of the shared ones.
    const next = new URLSearchParams(writeState({ ...state, ...patch }));
    carry?.forEach((v, k) => next.append(k, v));
    const qs = next.toString();
    router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
  };

  // Options come from the same window, across all endpoints, so the lists never empty themselves.
  const options = useCatalogueQuery('filter-options', { ...apiFilters(state), endpoint: undefined, served_entity: undefined });
  const rows = useMemo(() => options.data?.rows ?? [], [options.data]);
  const endpoints = useMemo(() => [...new Set(rows.map((r) => r.endpoint_name))].sort(), [rows]);
  const entities = useMemo(() => rows.filter((r) => r.served_entity_id && (!state.endpoint || r.endpoint_name === state.endpoint)), [rows, state.endpoint]);

  return (
    <div className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 shadow-sm" data-testid="filter-bar">
      <Field label="Time range">
        <select
          aria-label="Time range"
          value={state.range}
          onChange={(e) => {
            if (e.target.value === 'custom') {
              // eslint-disable-next-line no-restricted-syntax -- the viewer's own clock: a custom range starts as the last 24 hours where they are
              const end = new Date();
              const start = new Date(end.getTime() - 24 * 3_600_000);
              set({ range: 'custom', from: toInput(start), to: toInput(end) });
            } else set({ range: e.target.value, from: undefined, to: undefined });
          }}
          className={selectClass}
        >
          {[...RANGE_PRESETS, 'custom'].map((r) => <option key={r} value={r}>{RANGE_LABEL[r] ?? r}</option>)}
          {!RANGE_LABEL[state.range] && <option value={state.range}>Last {state.range}</option>}
        </select>
      </Field>
      {state.range === 'custom' && <CustomRange key={`${state.from}-${state.to}`} from={state.from!} to={state.to!} onApply={(from, to) => set({ from, to })} />}
      <Field label="Endpoint">
        <select aria-label="Endpoint" value={state.endpoint ?? ''} onChange={(e) => set({ endpoint: e.target.value || undefined, entity: undefined })} className={selectClass}>
          <option value="">All endpoints</option>
          {endpoints.map((e) => <option key={e} value={e}>{e}</option>)}
          {state.endpoint && !endpoints.includes(state.endpoint) && <option value={state.endpoint}>{state.endpoint} (no traffic)</option>}
        </select>
      </Field>
      <Field label="Served entity">
        <select aria-label="Served entity" value={state.entity ?? ''} onChange={(e) => set({ entity: e.target.value || undefined })} className={selectClass}>
          <option value="">All served entities</option>
          {entities.map((r) => (
            <option key={`${r.endpoint_name}/${r.served_entity_id}`} value={r.served_entity_id!}>
              {r.served_entity_name ?? r.served_entity_id}{r.entity_name ? ` · ${r.entity_name}` : ''}{state.endpoint ? '' : ` (${r.endpoint_name})`}
            </option>
          ))}
          {state.entity && !entities.some((r) => r.served_entity_id === state.entity) && <option value={state.entity}>{state.entity} (no traffic)</option>}
        </select>
      </Field>
      {showSplit && (
        <Field label="Split by">
          <select aria-label="Split by" value={state.split} onChange={(e) => set({ split: e.target.value as DashboardState['split'] })} className={selectClass}>
            <option value="none">Nothing</option>
            <option value="endpoint">Endpoint</option>
            <option value="served_entity">Served entity</option>
            <option value="status">Status class</option>
          </select>
        </Field>
      )}
      <TimeControls state={state} set={set} selectClass={selectClass} />
      {options.error && <span role="alert" className="text-xs text-red-700">Filter options failed to load: {options.error.message}</span>}
      <span className="ml-auto self-center text-xs text-slate-500" data-testid="reporting-zone">Times in {state.tz ?? 'UTC'}</span>
    </div>
  );
}

const selectClass = 'rounded border border-slate-300 bg-white px-2 py-1.5 text-sm';

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return <label className="flex flex-col gap-1 text-xs font-medium text-slate-600"><span>{label}</span>{children}</label>;
}

/** datetime-local has no zone; the dashboard reads and writes it as UTC. */
function toInput(d: Date): string {
  return d.toISOString().slice(0, 16);
}

function CustomRange({ from, to, onApply }: { from: string; to: string; onApply: (from: string, to: string) => void }) {
  const [f, setF] = useState(from.slice(0, 16));
  const [t, setT] = useState(to.slice(0, 16));
  const invalid = !f || !t || f >= t;
  return (
    <form className="flex items-end gap-2" onSubmit={(e) => { e.preventDefault(); if (!invalid) onApply(f, t); }}>
      <Field label="From (UTC)"><input aria-label="From (UTC)" type="datetime-local" value={f} onChange={(e) => setF(e.target.value)} className={selectClass} /></Field>
      <Field label="To (UTC)"><input aria-label="To (UTC)" type="datetime-local" value={t} onChange={(e) => setT(e.target.value)} className={selectClass} /></Field>
      <button type="submit" disabled={invalid} className="rounded bg-slate-800 px-3 py-1.5 text-sm text-white disabled:opacity-40">Apply</button>
    </form>
  );
}
