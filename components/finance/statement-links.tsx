'use client';

import { queryUrl } from '@/lib/client/api';
import type { DashboardState } from '@/lib/client/search-params';
import { financeApiParams, type FinanceState } from '@/lib/finance/search-params';

/** Calendar months (UTC) ending with the month of the range's end, newest first. */
export function statementMonths(windowEnd: Date, count = 2): { label: string; from: string; to: string }[] {
  const last = new Date(windowEnd.getTime() - 1);
  return Array.from({ length: count }, (_, i) => {
    const start = new Date(Date.UTC(last.getUTCFullYear(), last.getUTCMonth() - i, 1));
    const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
    return { label: start.toISOString().slice(0, 7), from: start.toISOString(), to: end.toISOString() };
  });
}

/** Monthly statement CSVs: per value of the chosen dimension, per model, tokens, requests and cost. */
export function StatementLinks({ state, fin, windowEnd }: { state: DashboardState; fin: FinanceState; windowEnd: string }) {
  const months = statementMonths(new Date(windowEnd));
  const base = { endpoint: state.endpoint, served_entity: state.entity, ...financeApiParams(fin) };
  return (
    <span className="flex items-center gap-1 text-xs text-slate-500" data-testid="statement-links">
      Statement
      {months.map((m) => (
        <a key={m.label} href={queryUrl('finance-statement', { ...base, from: m.from, to: m.to }, 'csv')} download
          className="rounded border border-slate-300 px-2 py-1 font-medium text-slate-800 hover:bg-slate-100">
          {m.label}
        </a>
      ))}
    </span>
  );
}
