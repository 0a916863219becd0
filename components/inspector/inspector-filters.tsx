'use client';

import { useState } from 'react';
import { readStatus, type InspectorState } from '@/lib/inspector/url-state';

const input = 'rounded border border-slate-300 bg-white px-2 py-1.5 text-sm';

/** The inspector's own filters; text fields apply on Enter or "Apply", choices at once. */
export function InspectorFilters({ state, onChange }: { state: InspectorState; onChange: (patch: Partial<InspectorState>) => void }) {
  const key = [state.q, state.requester, state.usageKey, state.usageValue, state.minMs, state.maxMs].join('|');
  return <FiltersForm key={key} state={state} onChange={onChange} />;
}

function FiltersForm({ state, onChange }: { state: InspectorState; onChange: (patch: Partial<InspectorState>) => void }) {
  const [q, setQ] = useState(state.q ?? '');
  const [requester, setRequester] = useState(state.requester ?? '');
  const [usageKey, setUsageKey] = useState(state.usageKey ?? '');
  const [usageValue, setUsageValue] = useState(state.usageValue ?? '');
  const [minMs, setMinMs] = useState(state.minMs ?? '');
  const [maxMs, setMaxMs] = useState(state.maxMs ?? '');
  const apply = () => onChange({
    q: q.trim() || undefined,
    requester: requester.trim() || undefined,
    usageKey: usageKey.trim() || undefined,
    usageValue: usageValue.trim() || undefined,
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
        <input type="search" aria-label="Search request and response text" placeholder="keyword, e.g. refund" value={q} onChange={(e) => setQ(e.target.value)} className={`${input} w-64`} maxLength={200} />
      </Field>
      <Field label="Status">
        <select aria-label="Status" value={state.status ?? ''} onChange={(e) => onChange({ status: readStatus(e.target.value) })} className={input}>
          <option value="">Any status</option>
          <option value="ok">OK (&lt; 400)</option>
          <option value="error">Errors (≥ 400)</option>
          <option value="4xx">4xx</option>
          <option value="429">429 rate limited</option>
          <option value="5xx">5xx</option>
        </select>
      </Field>
      <Field label="Requester">
        <input aria-label="Requester" placeholder="user or service principal" value={requester} onChange={(e) => setRequester(e.target.value)} className={`${input} w-52`} />
      </Field>
      <Field label="usage_context key = value">
        <span className="flex gap-1">
          <input aria-label="usage_context key" placeholder="key, e.g. project" value={usageKey} onChange={(e) => setUsageKey(e.target.value)} className={`${input} w-36`} />
          <input aria-label="usage_context value" placeholder="any value" value={usageValue} onChange={(e) => setUsageValue(e.target.value)} className={`${input} w-36`} />
        </span>
      </Field>
      <Field label="Duration (ms)">
        <span className="flex items-center gap-1">
          <input aria-label="Minimum duration (ms)" inputMode="numeric" placeholder="min" value={minMs} onChange={(e) => setMinMs(e.target.value)} className={`${input} w-20`} />
          <span className="text-slate-400">–</span>
          <input aria-label="Maximum duration (ms)" inputMode="numeric" placeholder="max" value={maxMs} onChange={(e) => setMaxMs(e.target.value)} className={`${input} w-20`} />
        </span>
      </Field>
      <Field label="Tool calls">
        <select aria-label="Tool calls" value={state.tools ?? ''} onChange={(e) => onChange({ tools: (e.target.value || undefined) as InspectorState['tools'] })} className={input}>
          <option value="">Either</option>
          <option value="yes">With tool calls</option>
          <option value="no">Without</option>
        </select>
      </Field>
      <Field label="Sort">
        <select aria-label="Sort" value={state.sort} onChange={(e) => onChange({ sort: e.target.value as InspectorState['sort'] })} className={input}>
          <option value="time_desc">Newest first</option>
          <option value="time_asc">Oldest first</option>
          <option value="duration_desc">Slowest first</option>
          <option value="duration_asc">Fastest first</option>
        </select>
      </Field>
      <button type="submit" disabled={shortQuery} className="rounded bg-slate-800 px-3 py-1.5 text-sm text-white disabled:opacity-40">Apply</button>
      {shortQuery && <span className="self-center text-xs text-amber-700">Search needs at least 2 characters.</span>}
    </form>
  );
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return <label className="flex flex-col gap-1 text-xs font-medium text-slate-600"><span>{label}</span>{children}</label>;
}
