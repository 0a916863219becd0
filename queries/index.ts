import 'server-only';
import type { z } from 'zod';
import type { AnyQuery } from '@/lib/catalogue/define';
import type { commonFilterShape } from '@/lib/catalogue/filters';
import compareEntities from './compare-entities';
import compareEntityHistory from './compare-entity-history';
import compareLatencyHistogram from './compare-latency-histogram';
import compareShareOverTime from './compare-share-over-time';
import compareSideBySide from './compare-side-by-side';
import filterContextValues from './filter-context-values';
import filterOptions from './filter-options';
import financeBreakdown from './finance-breakdown';
import financeContextKeys from './finance-context-keys';
import financeMonthToDate from './finance-month-to-date';
import financeReconciliation from './finance-reconciliation';
import financeSpendDaily from './finance-spend-daily';
import financeStatement from './finance-statement';
import financeSummary from './finance-summary';
import financeTokenTrends from './finance-token-trends';
import inspectorConversations from './inspector-conversations';
import inspectorMatchCount from './inspector-match-count';
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
import requesters from './requesters';

/** Every catalogue query, by id. Adding a query: its .sql, its .ts, one entry here. */
const QUERIES = {
  'compare-entities': compareEntities,
  'compare-entity-history': compareEntityHistory,
  'compare-latency-histogram': compareLatencyHistogram,
  'compare-share-over-time': compareShareOverTime,
  'compare-side-by-side': compareSideBySide,
  'filter-context-values': filterContextValues,
  'filter-options': filterOptions,
  'finance-breakdown': financeBreakdown,
  'finance-context-keys': financeContextKeys,
  'finance-month-to-date': financeMonthToDate,
  'finance-reconciliation': financeReconciliation,
  'finance-spend-daily': financeSpendDaily,
  'finance-statement': financeStatement,
  'finance-summary': financeSummary,
  'finance-token-trends': financeTokenTrends,
  'inspector-conversations': inspectorConversations,
  'inspector-match-count': inspectorMatchCount,
  'inspector-requests': inspectorRequests,
  'inspector-thread': inspectorThread,
  'inspector-top-questions': inspectorTopQuestions,
  'ops-completeness': opsCompleteness,
  'ops-error-messages': opsErrorMessages,
  'ops-error-taxonomy': opsErrorTaxonomy,
  'ops-errors-breakdown': opsErrorsBreakdown,
  'ops-errors-over-time': opsErrorsOverTime,
  'ops-freshness': opsFreshness,
  'ops-kpis': opsKpis,
  'ops-latency-histogram': opsLatencyHistogram,
  'ops-latency-over-time': opsLatencyOverTime,
  'ops-logging-codes': opsLoggingCodes,
  'ops-logging-nulls': opsLoggingNulls,
  'ops-slowest-requests': opsSlowestRequests,
  'ops-status-codes': opsStatusCodes,
  'ops-topic-matches': opsTopicMatches,
  'ops-topic-watch': opsTopicWatch,
  'ops-usage-freshness': opsUsageFreshness,
  'requests-over-time': requestsOverTime,
  requesters,
};

for (const [id, q] of Object.entries(QUERIES)) if (q.id !== id) throw new Error(`queries/index.ts lists ${q.id} under ${id}`);

export const CATALOGUE: Record<string, AnyQuery> = QUERIES as unknown as Record<string, AnyQuery>;

/*
 * The contract with the browser, as types only (`import type` from '@/queries' brings no server
 * code into a page): a query's id, the parameters its schema accepts and the rows it returns.
 */
export type Catalogue = typeof QUERIES;
export type QueryId = keyof Catalogue;
/** What the query string may hold: the shared filters and the query's own parameters, as its schema reads them. */
export type QueryParams<Id extends QueryId> = Catalogue[Id] extends { params: infer P extends z.ZodRawShape } ? z.input<z.ZodObject<typeof commonFilterShape & P>> : never;
/** One row of the query's answer, as its row schema parsed it on the server. */
export type QueryRow<Id extends QueryId> = z.output<Catalogue[Id]['row']>;
