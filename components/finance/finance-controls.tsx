'use client';

import { useState } from 'react';
import { ViewSql } from '@/components/view-sql';
import type { QueryResponse } from '@/lib/client/api';
import { apiFilters, type DashboardState } from '@/lib/client/search-params';
import { useCatalogueQuery } from '@/lib/client/use-catalogue-query';
import { formatCount } from '@/lib/charts/format';
import type { Dimension } from '@/lib/finance/dimensions';
import { focusAsNarrowing, TOP_CHOICES, type FinanceState } from '@/lib/finance/search-params';
import { Select, inputClass } from '@/components/select';
import { narrowedState } from '@/lib/client/drill';
import { useFilterOptions } from '@/lib/client/use-filter-options';


const OTHER_DIMENSIONS: [Dimension, string][] = [['requester', 'Requester'], ['endpoint', 'Endpoint'], ['served_entity', 'Served entity'], ['model', 'Model (price book)']];

/** Which dimension the breakdowns use: any usage_context key seen in the range, or a column. */
export function FinanceControls({ state, fin, onChange }: { state: DashboardState; fin: FinanceState; onChange: (patch: Partial<FinanceState>, shared?: DashboardState) => void }) {
  const keys = useCatalogueQuery('finance-context-keys', apiFilters(state));
  const rows = keys.data?.rows ?? [];
  const value = fin.dimension === 'context' ? `context:${fin.contextKey}` : fin.dimension;
  const known = rows.some((r) => r.context_key === fin.contextKey);
  const [showSql, setShowSql] = useState(false);
  const { entityIdOf } = useFilterOptions(state);
  // A focused value survives a change of dimension as the shared filter that selects it: acme by project.
  const changeDimension = (patch: Partial<FinanceState>) => {
    const narrowing = focusAsNarrowing(fin, entityIdOf);
    onChange({ ...patch, focus: undefined }, narrowing ? narrowedState(state, narrowing) : undefined);
  };

  return (
    <div className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 shadow-sm" data-testid="finance-controls">
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
        <span>Break down by</span>
        <Select
          aria-label="Break down by"
          value={value}
          onCommit={(v) => changeDimension(v.startsWith('context:') ? { dimension: 'context', contextKey: v.slice(8) } : { dimension: v as Dimension })}
          className={inputClass}
        >
          <optgroup label="usage_context keys in this range">
            {rows.map((r) => (
              <option key={r.context_key} value={`context:${r.context_key}`}>
                {r.context_key} ({formatCount(r.distinct_values)} values)
              </option>
            ))}
            {!known && <option value={`context:${fin.contextKey}`}>{fin.contextKey}{keys.data ? ' (not in this range)' : ''}</option>}
          </optgroup>
          <optgroup label="Request columns">
            {OTHER_DIMENSIONS.map(([d, label]) => <option key={d} value={d}>{label}</option>)}
          </optgroup>
        </Select>
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
        <span>Show top</span>
        <Select aria-label="Show top" value={String(fin.top)} onCommit={(v) => onChange({ top: Number(v) })} className={inputClass}>
          {TOP_CHOICES.map((n) => <option key={n} value={n}>{n} values + other</option>)}
        </Select>
      </label>
      <button type="button" disabled={!keys.data} aria-expanded={showSql} onClick={() => setShowSql((v) => !v)}
        className="ml-auto self-center rounded border border-slate-300 px-2 py-1 text-xs font-medium hover:bg-slate-100 disabled:opacity-40">
        View SQL
      </button>
      <p className="order-last w-full text-xs text-slate-500">
        {keys.error
          ? <span role="alert" className="text-red-700">usage_context keys failed to load: {keys.error.message}</span>
          : <>usage_context keys are discovered from the requests in the range{rows.length ? ` (${rows.length} found)` : ''}. Click a row of the breakdown to drill into that value; changing the breakdown keeps it as a filter.</>}
      </p>
      {showSql && keys.data && <div className="order-last w-full"><ViewSql result={keys.data as QueryResponse<unknown>} onClose={() => setShowSql(false)} /></div>}
    </div>
  );
}
