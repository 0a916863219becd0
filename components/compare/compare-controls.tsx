'use client';

import { useState } from 'react';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import type { DashboardState } from '@/lib/client/search-params';
import { writeCompareState, type CompareState } from '@/lib/compare/search-params';
import { useComparison } from '@/lib/compare/use-compare';

const SUGGESTED_KEYS = ['a_b_test_group', 'project', 'use_case', 'end_user_to_charge'];
const selectClass = 'rounded border border-slate-300 bg-white px-2 py-1.5 text-sm';

/** Grouping (served entity or a usage_context key) and the baseline, kept in the URL. */
export function CompareControls({ state, compare }: { state: DashboardState; compare: CompareState }) {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const { prepared } = useComparison(state, compare);
  const [key, setKey] = useState(compare.contextKey);
  const set = (patch: Partial<CompareState>) => {
    const qs = writeCompareState(search.toString(), { ...compare, ...patch });
    router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
  };
  const validKey = /^[A-Za-z0-9_.-]{1,64}$/.test(key);

  return (
    <div className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 shadow-sm" data-testid="compare-controls">
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
        <span>Compare</span>
        <select aria-label="Compare" className={selectClass} value={compare.groupBy} onChange={(e) => set({ groupBy: e.target.value as CompareState['groupBy'], baseline: undefined })}>
          <option value="served_entity">Served entities (server-side split)</option>
          <option value="context">usage_context groups (client-side experiment)</option>
        </select>
      </label>
      {compare.groupBy === 'context' && (
        <form className="flex items-end gap-2" onSubmit={(e) => { e.preventDefault(); if (validKey) set({ contextKey: key, baseline: undefined }); }}>
          <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
            <span>usage_context key</span>
            <input aria-label="usage_context key" list="compare-context-keys" value={key} onChange={(e) => setKey(e.target.value)} className={selectClass} />
            <datalist id="compare-context-keys">{SUGGESTED_KEYS.map((k) => <option key={k} value={k} />)}</datalist>
          </label>
          <button type="submit" disabled={!validKey || key === compare.contextKey} className="rounded bg-slate-800 px-3 py-1.5 text-sm text-white disabled:opacity-40">Group</button>
        </form>
      )}
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
        <span>Baseline</span>
        <select aria-label="Baseline" className={selectClass} value={prepared?.baseline?.key ?? ''} disabled={!prepared?.entities.length} onChange={(e) => set({ baseline: e.target.value })}>
          {prepared?.entities.map((e) => <option key={e.key} value={e.key}>{e.label}</option>)}
        </select>
      </label>
      <p className="max-w-xl text-xs text-slate-500">
        {compare.groupBy === 'context'
          ? `Groups come from endpoint_usage.usage_context['${compare.contextKey}'] (requests without it form "(not set)"); needs read access to system.serving.endpoint_usage.`
          : 'Every entity is compared with the baseline (the busiest unless chosen). Filters above apply to every card.'}
      </p>
    </div>
  );
}
