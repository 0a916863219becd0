import 'server-only';
import { renderSql, type RequestsSource } from '@/lib/catalogue/render';
import type { ResolvedTables } from '@/lib/catalogue/tables';

/**
 * Request facts: one row per logged request with everything the charts need from its bodies
 * extracted once, defined in queries/relations/request_facts.sql. The same SELECT builds the facts
 * table (`npm run rollups`, or at load on the embedded engine) and, when the table does not cover
 * a window, runs inline over the raw tables (the `requests` relation), so both paths return the
 * same figures by construction; lib/rollups/equivalence.test.ts checks it on demo data.
 */
export const FACT_COLUMNS = [
  { name: 'endpoint_name', databricks: 'STRING' },
  { name: 'databricks_request_id', databricks: 'STRING' },
  { name: 'client_request_id', databricks: 'STRING' },
  { name: 'request_date', databricks: 'DATE' },
  { name: 'request_time', databricks: 'TIMESTAMP' },
  { name: 'status_code', databricks: 'INT' },
  { name: 'sampling_fraction', databricks: 'DOUBLE' },
  { name: 'execution_duration_ms', databricks: 'BIGINT' },
  { name: 'served_entity_id', databricks: 'STRING' },
  { name: 'logging_error_codes', databricks: 'ARRAY<STRING>' },
  { name: 'requester', databricks: 'STRING' },
  { name: 'weight', databricks: 'DOUBLE' },
  { name: 'error_category', databricks: 'STRING' },
  { name: 'guardrail_blocked', databricks: 'INT' },
  { name: 'request_chars', databricks: 'BIGINT' },
  { name: 'response_chars', databricks: 'BIGINT' },
  { name: 'in_usage', databricks: 'BOOLEAN' },
  { name: 'usage_in', databricks: 'BIGINT' },
  { name: 'usage_out', databricks: 'BIGINT' },
  { name: 'usage_context', databricks: 'MAP<STRING,STRING>' },
  { name: 'body_usage_context_json', databricks: 'STRING' },
  { name: 'resp_in', databricks: 'BIGINT' },
  { name: 'resp_out', databricks: 'BIGINT' },
  { name: 'cached_in', databricks: 'BIGINT' },
  { name: 'reasoning_out', databricks: 'BIGINT' },
  { name: 'sample_weight', databricks: 'DOUBLE' },
  { name: 'logged', databricks: 'BOOLEAN' },
] as const;

export const FACT_COLUMN_LIST = FACT_COLUMNS.map((c) => c.name).join(', ');

export interface FactsSource {
  /** The payload relation (every `*_payload` table as one, with `endpoint_name`). */
  payload: string;
  /** The endpoint_usage table, or null when it cannot be read. */
  endpointUsage: string | null;
  /** served_entities: the endpoint of a request endpoint_usage counted but no payload table logged. */
  servedEntities: string;
}

/** Tables of a build: only the names the request facts relation reads are used. */
const buildTables = (src: FactsSource): ResolvedTables => ({ payload: [], endpointUsage: src.endpointUsage ?? 'unused.unused.unused', servedEntities: src.servedEntities });

/**
 * The facts SELECT over every raw row (for a build), as one statement: the payload relation, the
 * endpoint_usage rows and request_facts as named CTEs. `since` (a SQL DATE expression): only the
 * days an incremental refresh rewrites, and endpoint_usage from a day before them. `window` is kept for callers that only
 * ever built: it must be false; inline use goes through the `requests` relation of a plan.
 */
export function factsSelect(src: FactsSource, opts: { window: false; since?: string }): string {
  if (opts.window !== false) throw new Error('factsSelect renders the build; queries read {{requests}}');
  return renderSql('SELECT * FROM {{request_facts}}\nUNION ALL\nSELECT * FROM {{unlogged_requests}}', {
    tables: buildTables(src),
    endpoint: null,
    scope: 'build',
    requests: { mode: 'raw' },
    aggregates: null,
    usage: src.endpointUsage === null ? 'none' : 'read',
    payloadSql: src.payload,
    buildSince: opts.since,
  });
}

/** Where the built facts live and how far they reach. */
export interface FactsTable {
  /** `catalog.schema.table` (Databricks) or `lens.request_facts` (embedded). */
  table: string;
  /** Rows before this instant are all in the table; null: the source is a snapshot, all of it is. */
  coversEnd: Date | null;
}

export type FactsChoice = RequestsSource;

/**
 * Whether a window can read the built facts: wholly (it ends before their coverage does), in
 * part (facts up to the coverage, raw rows after it) or not at all.
 */
export function chooseFacts(facts: FactsTable | null, window: { start: Date; end: Date } | null): FactsChoice {
  if (!facts || !window) return { mode: 'raw' };
  if (facts.coversEnd === null || window.end <= facts.coversEnd) return { mode: 'facts', table: facts.table };
  if (window.start >= facts.coversEnd) return { mode: 'raw' };
  return { mode: 'hybrid', table: facts.table, coversEnd: facts.coversEnd };
}
