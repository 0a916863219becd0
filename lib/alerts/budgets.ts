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

/**
 * A daily budget: each UTC day's spend against the limit, from finance-spend-daily rows (one per
 * day and series). With `each` (a budget on every value of a key) every value counts on its own.
 */
export function dailyStatus(rows: { day: string; series?: string; cost: number | null }[], b: Pick<BudgetInput, 'limit' | 'warningPercent'>, each = false): { days: { day: string; value: string | null; cost: number | null; state: BudgetState }[]; exceededDays: string[] } {
  const spend = new Map<string, { day: string; value: string | null; cost: number | null }>();
  for (const r of rows) {
    const day = r.day.slice(0, 10);
    const value = each ? r.series ?? null : null;
    const key = `${day}\u0000${value ?? ''}`;
    const prev = spend.get(key)?.cost ?? null;
    spend.set(key, { day, value, cost: r.cost === null ? prev : (prev ?? 0) + r.cost });
  }
  const days = [...spend.values()].sort((a, c) => (a.day < c.day ? -1 : a.day > c.day ? 1 : (c.cost ?? 0) - (a.cost ?? 0))).map((d) => ({ ...d, state: stateOf(d.cost, b) }));
  return { days, exceededDays: [...new Set(days.filter((d) => d.state === 'exceeded').map((d) => d.day))] };
}
