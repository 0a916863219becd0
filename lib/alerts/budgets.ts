import { prepareProjection, type MonthDayRow } from '@/lib/finance/prepare-projection';
import type { Budget, BudgetInput, RuleInput } from './rules';

/**
 * A budget is evaluated as two alert rules over the finance breakdown (price-book cost, weighted
 * by 1 / sampling_fraction): spend this month (or today) at or above the warning share of the
 * limit, and at or above the limit. A budget on every value of a usage_context key fires for any
 * value that crosses.
 */

export type BudgetLevel = 'warning' | 'exceeded';
export const BUDGET_LEVELS: readonly BudgetLevel[] = ['warning', 'exceeded'];

/** The finance query parameters of a budget's scope (finance-breakdown, finance-month-to-date…). */
export function budgetQueryParams(b: Pick<BudgetInput, 'scope'>): Record<string, string> {
  const s = b.scope;
  if (s.dimension === 'context') return { dimension: 'context', context_key: s.key, ...(s.value !== null ? { focus: s.value } : {}) };
  return { dimension: s.dimension, focus: s.value };
}

/** The finance page showing a budget's scope (its link carries the dimension and focus). */
export function budgetPageSearch(b: Pick<BudgetInput, 'scope'>): string {
  const s = b.scope;
  const qs = new URLSearchParams({ dim: s.dimension });
  if (s.dimension === 'context') qs.set('key', s.key);
  if (s.value !== null) qs.set('focus', s.value);
  return qs.toString();
}

export const budgetThreshold = (b: Pick<BudgetInput, 'limit' | 'warningPercent'>, level: BudgetLevel) => (level === 'exceeded' ? b.limit : Math.round(b.limit * b.warningPercent) / 100);

/** The rule id a budget level is evaluated as. */
export const budgetRuleId = (budgetId: string, level: BudgetLevel) => `${budgetId}-${level}`;

export function budgetRule(b: Budget, level: BudgetLevel): RuleInput & { id: string } {
  const each = b.scope.dimension === 'context' && b.scope.value === null;
  return {
    id: budgetRuleId(b.id, level),
    name: `${b.name}: ${level === 'exceeded' ? 'budget exceeded' : `${b.warningPercent}% of budget`}`,
    query: 'finance-breakdown',
    params: { ...budgetQueryParams(b), top_n: '0' },
    window: b.period === 'month' ? { kind: 'month' } : { kind: 'today' },
    measure: { column: 'cost', aggregation: 'SUM', where: {}, ...(each ? { groupBy: 'value' } : {}) },
    condition: { op: '>=', threshold: budgetThreshold(b, level), baseline: null },
    emptyResult: 'ok',
    everyMinutes: b.period === 'month' ? 60 : 15,
    notify: b.notify,
    page: { path: '/finance', search: budgetPageSearch(b) },
    paused: b.paused,
  };
}

export type BudgetState = 'ok' | 'warning' | 'exceeded';

export interface BudgetStatus {
  /** Spend so far in the budget's current period (month to date, or today). */
  consumed: number | null;
  /** Monthly budgets: month to date + the recent daily rate × the days left. */
  projected: number | null;
  dailyRate: number | null;
  /** Whole days from the window's end until spend at the recent rate reaches the limit (0: already there); null when it never will this month. */
  daysUntilExceeded: number | null;
  state: BudgetState;
  method: string;
}

export function stateOf(spend: number | null, b: Pick<BudgetInput, 'limit' | 'warningPercent'>): BudgetState {
  if (spend === null) return 'ok';
  if (spend >= budgetThreshold(b, 'exceeded')) return 'exceeded';
  return spend >= budgetThreshold(b, 'warning') ? 'warning' : 'ok';
}

/**
 * A monthly budget's status from finance-month-to-date rows (one per UTC day of the month, the
 * budget's scope as focus): the projection of the finance page (lib/finance/prepare-projection.ts)
 * against the limit.
 */
export function monthlyStatus(rows: MonthDayRow[], monthStart: string, windowEnd: string, b: Pick<BudgetInput, 'limit' | 'warningPercent'>): BudgetStatus {
  const p = prepareProjection(rows, monthStart, windowEnd);
  const consumed = p.monthToDate;
  let daysUntil: number | null = null;
  if (consumed !== null && consumed >= b.limit) daysUntil = 0;
  else if (consumed !== null && p.dailyRate && p.dailyRate > 0) {
    const days = Math.ceil((b.limit - consumed) / p.dailyRate);
    daysUntil = days <= p.daysInMonth - p.elapsedDays + 1 ? days : null;
  }
  return { consumed, projected: p.projected, dailyRate: p.dailyRate, daysUntilExceeded: daysUntil, state: stateOf(consumed, b), method: p.method };
}

/** A daily budget: each UTC day's spend against the limit (finance-spend-daily rows summed per day). */
export function dailyStatus(days: { day: string; cost: number | null }[], b: Pick<BudgetInput, 'limit' | 'warningPercent'>): { days: { day: string; cost: number | null; state: BudgetState }[]; exceededDays: string[] } {
  const perDay = new Map<string, number | null>();
  for (const d of days) {
    const key = d.day.slice(0, 10);
    const prev = perDay.get(key) ?? null;
    perDay.set(key, d.cost === null ? prev : (prev ?? 0) + d.cost);
  }
  const out = [...perDay].sort(([a], [b2]) => (a < b2 ? -1 : 1)).map(([day, cost]) => ({ day, cost, state: stateOf(cost, b) }));
  return { days: out, exceededDays: out.filter((d) => d.state === 'exceeded').map((d) => d.day) };
}
