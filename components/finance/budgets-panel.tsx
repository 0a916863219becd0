'use client';

import { useState } from 'react';
import { IntentLink } from '@/components/intent-link';
import { alertsApi, useBudgets, useChange, type Budget } from '@/lib/alerts/client';
import { budgetQueryParams, dailyStatus, monthlyStatus, type BudgetState } from '@/lib/alerts/budgets';
import type { DashboardState } from '@/lib/client/search-params';
import { useCatalogueQuery } from '@/lib/client/use-catalogue-query';
import { formatMoney } from '@/lib/charts/format';
import type { FinanceState } from '@/lib/finance/search-params';
import { currencyOf } from '@/lib/finance/use-finance-query';

const STATE: Record<BudgetState, string> = { ok: 'bg-emerald-100 text-emerald-800', warning: 'bg-amber-100 text-amber-900', exceeded: 'bg-red-100 text-red-800' };
const input = 'rounded border border-slate-300 px-2 py-1 text-sm';

function scopeLabel(b: Budget): string {
  const s = b.scope;
  if (s.dimension === 'context') return s.value === null ? `each ${s.key}` : `${s.key} = ${s.value}`;
  return `${s.dimension} = ${s.value}`;
}

/**
 * Budgets on the finance page: per budget its spend this period, the month-end projection and the
 * days until the limit at the recent rate (monthly), or each day of the range against the limit
 * (daily); each is evaluated as an alert (warning and exceeded) on /alerts.
 */
export function BudgetsPanel({ state, fin }: { state: DashboardState; fin: FinanceState }) {
  const budgets = useBudgets();
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="budgets" aria-labelledby="budgets-title">
      <header className="mb-2 flex flex-wrap items-baseline gap-3">
        <h2 id="budgets-title" className="text-base font-semibold">Budgets</h2>
        <p className="text-sm text-slate-500">A monthly or daily limit on the spend of an endpoint, a usage_context value or a requester; evaluated as alerts (<IntentLink href="/alerts" className="text-sky-700 hover:underline">Alerts</IntentLink>).</p>
      </header>
      {budgets.error && <p role="alert" className="text-sm text-red-700">{budgets.error.message}</p>}
      <div className="flex flex-col gap-2">
        {budgets.data?.budgets.map((b) => <BudgetRow key={b.id} budget={b} state={state} />)}
        {budgets.data?.budgets.length === 0 && <p className="text-sm text-slate-500">No budgets yet.</p>}
      </div>
      <BudgetForm fin={fin} />
    </section>
  );
}

function BudgetRow({ budget: b, state }: { budget: Budget; state: DashboardState }) {
  const scope = budgetQueryParams(b);
  const monthly = b.period === 'month';
  const each = b.scope.dimension === 'context' && b.scope.value === null;
  // Monthly: the month of now; daily: every day of the page's range.
  const month = useCatalogueQuery('finance-month-to-date', { range: '24h', ...scope }, { enabled: monthly && !each });
  // The page's range only: a budget is on its own scope, whatever else the page filters.
  const range = state.range === 'custom' ? { from: state.from, to: state.to } : { range: state.range };
  const days = useCatalogueQuery('finance-spend-daily', { ...range, ...scope, top_n: '0' }, { enabled: !monthly });
  const remove = useChange(() => alertsApi('DELETE', `/api/budgets/${encodeURIComponent(b.id)}`), [['budgets'], ['alerts']]);
  const currency = currencyOf(month.data ?? days.data);
  const money = (v: number | null) => (v === null ? '–' : formatMoney(v, currency));
  let body: React.ReactNode = <span className="text-slate-500">Reading spend…</span>;
  let status: BudgetState | null = null;
  if (monthly && each) {
    body = <span className="text-slate-500">Every value of {b.scope.dimension === 'context' ? b.scope.key : b.scope.dimension} is held to the limit by its alert rules: see their state on Alerts.</span>;
  } else if (monthly && month.data) {
    const s = monthlyStatus(month.data.rows, String(month.data.params.start_date), month.data.window!.end, b);
    status = s.state;
    body = (
      <span data-testid="budget-month">
        {money(s.consumed)} spent this month, projected {money(s.projected)} at month end
        {s.daysUntilExceeded === 0 ? ' — over the limit' : s.daysUntilExceeded !== null ? ` — the limit is reached in about ${s.daysUntilExceeded} day${s.daysUntilExceeded === 1 ? '' : 's'} at the recent rate` : ' — not reached this month at the recent rate'}.
      </span>
    );
  } else if (days.data) {
    const d = dailyStatus(days.data.rows, b, each);
    const last = d.days.filter((x) => x.day === d.days.at(-1)?.day);
    status = d.exceededDays.length ? 'exceeded' : last.some((x) => x.state === 'warning') ? 'warning' : 'ok';
    body = (
      <span>
        {last.length > 0 && <>Latest day {last[0]!.day}: {money(Math.max(...last.map((x) => x.cost ?? 0)))}. </>}
        {d.exceededDays.length
          ? <span data-testid="budget-exceeded-days">Exceeded on {d.days.filter((x) => x.state === 'exceeded').map((x) => `${x.day}${x.value ? ` (${x.value})` : ''}: ${money(x.cost)}`).join(', ')}.</span>
          : <>Within the limit every day of the range.</>}
      </span>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-2 border-t border-slate-100 pt-2 text-sm" data-testid="budget" data-budget-id={b.id}>
      <strong>{b.name}</strong>
      {status && <span data-testid="budget-state" data-state={status} className={`rounded-full px-2 py-0.5 text-xs font-medium ${STATE[status]}`}>{status}</span>}
      <span className="text-slate-500">{scopeLabel(b)} · {money(b.limit)} per {b.period} · warning at {b.warningPercent}%</span>
      <span className="basis-full text-slate-700">{body}</span>
      {(month.error ?? days.error) && <span role="alert" className="text-red-700">{(month.error ?? days.error)!.message}</span>}
      <button type="button" className="ml-auto rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100" disabled={remove.isPending} onClick={() => { if (window.confirm(`Delete the budget "${b.name}"?`)) remove.mutate(undefined); }}>Delete</button>
    </div>
  );
}

/** A new budget, scoped by the page's dimension and focus (every value of a key when nothing is focused). */
function BudgetForm({ fin }: { fin: FinanceState }) {
  const [period, setPeriod] = useState<'month' | 'day'>('month');
  const [limit, setLimit] = useState('');
  const [warning, setWarning] = useState('80');
  const supported = fin.dimension === 'context' || ((fin.dimension === 'endpoint' || fin.dimension === 'requester') && fin.focus);
  const scope = fin.dimension === 'context' ? { dimension: 'context' as const, key: fin.contextKey, value: fin.focus ?? null } : { dimension: fin.dimension as 'endpoint' | 'requester', value: fin.focus ?? '' };
  const label = fin.dimension === 'context' ? (fin.focus ? `${fin.contextKey} = ${fin.focus}` : `each ${fin.contextKey}`) : `${fin.dimension} = ${fin.focus ?? '…'}`;
  const create = useChange(() => alertsApi('POST', '/api/budgets', {
    name: `${fin.focus ?? `each ${fin.contextKey}`} ${period === 'month' ? 'monthly' : 'daily'}`,
    scope, period, limit: Number(limit), warningPercent: Number(warning),
  }), [['budgets'], ['alerts']]);
  if (!supported) return <p className="mt-3 text-xs text-slate-500">Budgets are per endpoint, usage_context value or requester: pick one in the breakdown to set a budget on it.</p>;
  return (
    <form className="mt-3 flex flex-wrap items-end gap-2 text-xs text-slate-600" onSubmit={(e) => { e.preventDefault(); create.mutate(undefined, { onSuccess: () => setLimit('') }); }} aria-label="New budget">
      <span className="self-center">New budget on <strong>{label}</strong>:</span>
      <label className="flex flex-col">Period<select aria-label="Budget period" className={input} value={period} onChange={(e) => setPeriod(e.target.value as 'month' | 'day')}><option value="month">per month</option><option value="day">per day</option></select></label>
      <label className="flex flex-col">Limit<input aria-label="Budget limit" className={`${input} w-28`} inputMode="decimal" value={limit} onChange={(e) => setLimit(e.target.value)} /></label>
      <label className="flex flex-col">Warning at %<input aria-label="Budget warning percent" className={`${input} w-16`} inputMode="numeric" value={warning} onChange={(e) => setWarning(e.target.value)} /></label>
      <button type="submit" disabled={!limit || create.isPending} className="rounded bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-50">Add budget</button>
      {create.error && <span role="alert" className="text-sm text-red-700">{create.error.message}</span>}
    </form>
  );
}
