'use client';

import { useState } from 'react';
import { Field, Select, inputClass } from '@/components/select';
import type { InspectorState } from '@/lib/inspector/url-state';

/** The inspector's own filters (the shared ones are in the filter bar); text applies on Enter or "Apply", choices at once. */
export function InspectorFilters({ state, onChange }: { state: InspectorState; onChange: (patch: Partial<InspectorState>) => void }) {
  const key = [state.q, state.minMs, state.maxMs].join('|');
  return <FiltersForm key={key} state={state} onChange={onChange} />;
}

function FiltersForm({ state, onChange }: { state: InspectorState; onChange: (patch: Partial<InspectorState>) => void }) {
  const [q, setQ] = useState(state.q ?? '');
  const [minMs, setMinMs] = useState(state.minMs ?? '');
  const [maxMs, setMaxMs] = useState(state.maxMs ?? '');
  const apply = () => onChange({
    q: q.trim() || undefined,
    minMs: /^\d+$/.test(minMs) ? minMs : undefined,
    maxMs: /^\d+$/.test(maxMs) ? maxMs : undefined,
  });
  const shortQuery = q.trim().length === 1;
  return (
    <form
      className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 shadow-sm"
      onSubmit={(e) => { e.preventDefault(); if (!shortQuery) apply(); }}
      data-testid="inspector-filters"
    >
      <Field label="Search request and response text">
        <input type="search" aria-label="Search request and response text" placeholder="keyword, e.g. refund" value={q} onChange={(e) => setQ(e.target.value)} className={`${inputClass} w-64`} maxLength={200} />
      </Field>
      <Field label="Duration (ms)">
        <span className="flex items-center gap-1">
          <input aria-label="Minimum duration (ms)" inputMode="numeric" placeholder="min" value={minMs} onChange={(e) => setMinMs(e.target.value)} className={`${inputClass} w-20`} />
          <span className="text-slate-400">–</span>
          <input aria-label="Maximum duration (ms)" inputMode="numeric" placeholder="max" value={maxMs} onChange={(e) => setMaxMs(e.target.value)} className={`${inputClass} w-20`} />
        </span>
      </Field>
      <Field label="Tool calls">
        <Select aria-label="Tool calls" value={state.tools ?? ''} onCommit={(v) => onChange({ tools: (v || undefined) as InspectorState['tools'] })} className={inputClass}>
          <option value="">Either</option>
          <option value="yes">With tool calls</option>
          <option value="no">Without</option>
        </Select>
      </Field>
      <Field label="Agent trace">
        <Select aria-label="Agent trace" value={state.trace ?? ''} onCommit={(v) => onChange({ trace: (v || undefined) as InspectorState['trace'] })} className={inputClass}>
          <option value="">Any</option>
          <option value="yes">A span failed</option>
          <option value="no">No failed span</option>
        </Select>
      </Field>
      <Field label="Sort">
        <Select aria-label="Sort" value={state.sort} onCommit={(v) => onChange({ sort: v as InspectorState['sort'] })} className={inputClass}>
          <option value="time_desc">Newest first</option>
          <option value="time_asc">Oldest first</option>
          <option value="duration_desc">Slowest first</option>
          <option value="duration_asc">Fastest first</option>
          <option value="tokens_desc">Most tokens first</option>
          <option value="cost_desc">Dearest first</option>
        </Select>
      </Field>
      <button type="submit" disabled={shortQuery} className="rounded bg-slate-800 px-3 py-1.5 text-sm text-white disabled:opacity-40">Apply</button>
      {shortQuery && <span className="self-center text-xs text-amber-700">Search needs at least 2 characters.</span>}
    </form>
  );
}
