import type { AnyQuery } from '@/lib/catalogue/define';
import compareEntities from './compare-entities';
import compareEntityHistory from './compare-entity-history';
import compareLatencyHistogram from './compare-latency-histogram';
import compareShareOverTime from './compare-share-over-time';
import compareSideBySide from './compare-side-by-side';
import filterOptions from './filter-options';
import financeBreakdown from './finance-breakdown';
import financeContextKeys from './finance-context-keys';
import financeMonthToDate from './finance-month-to-date';
import financeReconciliation from './finance-reconciliation';
import financeSpendDaily from './finance-spend-daily';
import financeStatement from './finance-statement';
import financeSummary from './finance-summary';
import financeTokenTrends from './finance-token-trends';
import opsCompleteness from './ops-completeness';
import opsErrorMessages from './ops-error-messages';
import opsErrorTaxonomy from './ops-error-taxonomy';
import opsErrorsBreakdown from './ops-errors-breakdown';
import opsErrorsOverTime from './ops-errors-over-time';
import opsFreshness from './ops-freshness';
import opsKpis from './ops-kpis';
import opsLatencyHistogram from './ops-latency-histogram';
import opsLatencyOverTime from './ops-latency-over-time';
import opsLoggingCodes from './ops-logging-codes';
import opsLoggingNulls from './ops-logging-nulls';
import opsSlowestRequests from './ops-slowest-requests';
import opsStatusCodes from './ops-status-codes';
import opsTopicMatches from './ops-topic-matches';
import opsTopicWatch from './ops-topic-watch';
import opsUsageFreshness from './ops-usage-freshness';
import requestsOverTime from './requests-over-time';

/** Every catalogue query, by id. Adding a query: its .sql, its .ts, one line here. */
export const CATALOGUE: Record<string, AnyQuery> = Object.fromEntries(
  ([requestsOverTime, filterOptions,
    financeSummary, financeBreakdown, financeSpendDaily, financeTokenTrends, financeMonthToDate, financeStatement, financeContextKeys, financeReconciliation,
    compareEntities, compareLatencyHistogram, compareShareOverTime, compareEntityHistory, compareSideBySide] as unknown as AnyQuery[]).map((q) => [q.id, q]),
);

// Ops views (issue 3).
const OPS_QUERIES = [opsKpis, opsLatencyOverTime, opsLatencyHistogram, opsSlowestRequests, opsErrorsOverTime, opsErrorTaxonomy, opsErrorMessages, opsStatusCodes, opsErrorsBreakdown, opsLoggingCodes, opsLoggingNulls, opsCompleteness, opsFreshness, opsUsageFreshness, opsTopicWatch, opsTopicMatches] as unknown as AnyQuery[];
for (const q of OPS_QUERIES) CATALOGUE[q.id] = q;
