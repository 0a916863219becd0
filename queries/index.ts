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
import inspectorRequests from './inspector-requests';
import inspectorThread from './inspector-thread';
import inspectorTopQuestions from './inspector-top-questions';
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

/** Every catalogue query, by id. Adding a query: its .sql, its .ts, one entry here. */
const QUERIES = [
  compareEntities,
  compareEntityHistory,
  compareLatencyHistogram,
  compareShareOverTime,
  compareSideBySide,
  filterOptions,
  financeBreakdown,
  financeContextKeys,
  financeMonthToDate,
  financeReconciliation,
  financeSpendDaily,
  financeStatement,
  financeSummary,
  financeTokenTrends,
  inspectorRequests,
  inspectorThread,
  inspectorTopQuestions,
  opsCompleteness,
  opsErrorMessages,
  opsErrorTaxonomy,
  opsErrorsBreakdown,
  opsErrorsOverTime,
  opsFreshness,
  opsKpis,
  opsLatencyHistogram,
  opsLatencyOverTime,
  opsLoggingCodes,
  opsLoggingNulls,
  opsSlowestRequests,
  opsStatusCodes,
  opsTopicMatches,
  opsTopicWatch,
  opsUsageFreshness,
  requestsOverTime,
] as unknown as AnyQuery[];

export const CATALOGUE: Record<string, AnyQuery> = Object.fromEntries(QUERIES.map((q) => [q.id, q]));
