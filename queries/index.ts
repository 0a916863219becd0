import type { AnyQuery } from '@/lib/catalogue/define';
import filterOptions from './filter-options';
import financeBreakdown from './finance-breakdown';
import financeContextKeys from './finance-context-keys';
import financeMonthToDate from './finance-month-to-date';
import financeReconciliation from './finance-reconciliation';
import financeSpendDaily from './finance-spend-daily';
import financeStatement from './finance-statement';
import financeSummary from './finance-summary';
import financeTokenTrends from './finance-token-trends';
import requestsOverTime from './requests-over-time';

/** Every catalogue query, by id. Adding a query: its .sql, its .ts, one line here. */
export const CATALOGUE: Record<string, AnyQuery> = Object.fromEntries(
  ([requestsOverTime, filterOptions,
    financeSummary, financeBreakdown, financeSpendDaily, financeTokenTrends, financeMonthToDate, financeStatement, financeContextKeys, financeReconciliation] as unknown as AnyQuery[]).map((q) => [q.id, q]),
);
