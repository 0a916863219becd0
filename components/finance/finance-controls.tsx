'use client';

import { useState } from 'react';
import { ViewSql } from '@/components/view-sql';
import type { QueryResponse } from '@/lib/client/api';
import { apiFilters, type DashboardState } from '@/lib/client/search-params';
import { useCatalogueQuery } from '@/lib/client/use-catalogue-query';
import { formatCount } from '@/lib/charts/format';
import type { Dimension } from '@/lib/finance/dimensions';
import { TOP_CHOICES, type FinanceState } from '@/lib/finance/search-params';


const OTHER_DIMENSIONS: [Dimension, string][] = [['requester', 'Requester'], ['endpoint', 'Endpoint'], ['served_entity', 'Served entity'], ['model', 'Model (price book)']];
const selectClass = 'rounded border border-slate-300 bg-white px-2 py-1.5 text-sm';

/** Which dimension the breakdowns use: any usage_context key seen in the range, or a column. */
export function FinanceControls({ state, fin, onChange }: { state: DashboardState; fin: FinanceState; onChange: (patch: Partial<FinanceState>) => void }) {
  const keys = useCatalogueQuery('finance-context-keys', apiFilters(state));
  const rows = keys.data?.rows ?? [];
  const value = fin.dimension === 'context' ? `context:${fin.contextKey}` : fin.dimension;
  const known = rows.some((r) => r.context_key === fin.contextKey);
  const [showSql, setShowSql] = useState(false);

  return (
    <div className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 shadow-sm" data-testid="finance-controls">
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
        <span>Break down by</span>
        <select
          aria-label="Break down by"
          value={value}
          onChange={(e) => {
            const v = e.target.value;
            onChange(v.startsWith('context:') ? { dimension: 'context', contextKey: v.slice(8), focus: undefined } : { dimension: v as Dimension, focus: undefined });
          }}
          className={selectClass}
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
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
        <span>Show top</span>
        <select aria-label="Show top" value={fin.top} onChange={(e) => onChange({ top: Number(e.target.value) })} className={selectClass}>
          {TOP_CHOICES.map((n) => <option key={n} value={n}>{n} values + other</option>)}
        </select>
      </label>
      <button type="button" disabled={!keys.data} aria-expanded={showSql} onClick={() => setShowSql((v) => !v)}
        className="ml-auto self-center rounded border border-slate-300 px-2 py-1 text-xs font-medium hover:bg-slate-100 disabled:opacity-40">
        View SQL
      </button>
      <p className="order-last w-full text-xs text-slate-500">
        {keys.error
          ? <span role="alert" className="text-red-700">usage_context keys failed to load: {keys.error.message}</span>
          : <>usage_context keys are discovered from the requests in the range{rows.length ? ` (${rows.length} found)` : ''}. Click a row of the breakdown to drill into that value.</>}
      </p>
      {showSql && keys.data && <div className="order-last w-full"><ViewSql result={keys.data as QueryResponse<unknown>} onClose={() => setShowSql(false)} /></div>}
    </div>
  );
}
