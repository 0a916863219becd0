import 'server-only';
import { renderSql, type RenderContext, type RequestsSource } from '@/lib/catalogue/render';
import type { ResolvedTables } from '@/lib/catalogue/tables';

/**
 * Request facts: one row per request with everything the charts need from its bodies read once
 * by the one interpretation (queries/relations/payload_facts.sql), defined in
 * queries/relations/request_facts.sql (logged requests) and unlogged_requests.sql (requests only
 * endpoint_usage counted). The same SELECT builds the facts
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
  { name: 'sample_weight', databricks: 'DOUBLE' },
  { name: 'logged', databricks: 'BOOLEAN' },
  { name: 'kind', databricks: 'STRING' },
  { name: 'error_code', databricks: 'STRING' },
  { name: 'error_format', databricks: 'STRING' },
  { name: 'error_reason', databricks: 'STRING' },
  { name: 'error_provider', databricks: 'STRING' },
  { name: 'guardrail_stage', databricks: 'STRING' },
  { name: 'guardrail_pii', databricks: 'BOOLEAN' },
  { name: 'guardrail_keywords', databricks: 'BOOLEAN' },
  { name: 'guardrail_categories', databricks: 'ARRAY<STRING>' },
  { name: 'tool_names', databricks: 'ARRAY<STRING>' },
  { name: 'has_tool_calls', databricks: 'BOOLEAN' },
  { name: 'choices', databricks: 'INT' },
  { name: 'trace_error', databricks: 'BOOLEAN' },
  { name: 'trace_spans', databricks: 'INT' },
  { name: 'is_stream', databricks: 'BOOLEAN' },
  { name: 'tokens_in', databricks: 'BIGINT' },
  { name: 'tokens_out', databricks: 'BIGINT' },
  { name: 'tokens_cached', databricks: 'BIGINT' },
  { name: 'tokens_reasoning', databricks: 'BIGINT' },
  { name: 'body_token_source', databricks: 'STRING' },
  { name: 'est_tokens_in', databricks: 'BIGINT' },
  { name: 'est_tokens_out', databricks: 'BIGINT' },
] as const;

export const FACT_COLUMN_LIST = FACT_COLUMNS.map((c) => c.name).join(', ');

/**
 * Request text: one row per logged request with the texts the one interpretation reads from its
 * bodies (queries/relations/request_text_rows.sql) — the question, the answer, the searchable
 * text, the conversation it belongs to — and the columns the shared filters and weights need. Kept apart from the facts, which
 * charts and rollups read, so text views alone pay for text; built beside them.
 */
export const TEXT_COLUMNS = [
  { name: 'endpoint_name', databricks: 'STRING' },
  { name: 'databricks_request_id', databricks: 'STRING' },
  { name: 'request_date', databricks: 'DATE' },
  { name: 'request_time', databricks: 'TIMESTAMP' },
  { name: 'status_code', databricks: 'INT' },
  { name: 'served_entity_id', databricks: 'STRING' },
  { name: 'requester', databricks: 'STRING' },
  { name: 'weight', databricks: 'DOUBLE' },
  { name: 'kind', databricks: 'STRING' },
  { name: 'asks_question', databricks: 'BOOLEAN' },
  { name: 'last_user_text', databricks: 'STRING' },
  { name: 'answer_text', databricks: 'STRING' },
  { name: 'search_key', databricks: 'STRING' },
  { name: 'search_text', databricks: 'STRING' },
  { name: 'question_key', databricks: 'STRING' },
  { name: 'thread_id', databricks: 'STRING' },
  { name: 'thread_source', databricks: 'STRING' },
] as const;

export const TEXT_COLUMN_LIST = TEXT_COLUMNS.map((c) => c.name).join(', ');

/** Columns the one reading gives a build (payload_facts): what request_facts and request_text_rows read of it. */
const READ_COLUMNS = [
  'endpoint_name', 'databricks_request_id', 'client_request_id', 'request_date', 'request_time', 'status_code', 'sampling_fraction',
  'execution_duration_ms', 'served_entity_id', 'logging_error_codes', 'requester', 'request', 'response',
  'kind', 'last_user_text', 'answer_text', 'search_text', 'asks_question', 'tool_names', 'has_tool_calls', 'choices',
  'tokens_in', 'tokens_out', 'tokens_cached', 'tokens_reasoning', 'token_source', 'est_tokens_in', 'est_tokens_out',
  'error_category', 'error_code', 'error_format', 'error_reason', 'error_provider', 'guardrail_stage', 'guardrail_pii', 'guardrail_keywords', 'guardrail_categories',
  'trace_error', 'trace_spans', 'is_stream',
] as const;

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

const buildContext = (src: FactsSource, since?: string, read?: string, until?: string): RenderContext => ({
  tables: buildTables(src),
  endpoint: null,
  scope: 'build',
  requests: { mode: 'raw' },
  aggregates: null,
  usage: src.endpointUsage === null ? 'none' : 'read',
  payloadSql: src.payload,
  buildSince: since,
  buildUntil: until,
  payloadFactsSql: read && `SELECT * FROM ${read}`,
});

/**
 * The facts SELECT over every raw row (for a build), as one statement: the payload relation, the
 * endpoint_usage rows, the one reading of the payload rows (payload_facts), request_facts and
 * unlogged_requests as named CTEs — or, given `read` (a table the build wrote the reading into
 * once), over it. `since` (a SQL DATE expression): only the days an incremental refresh
 * rewrites, and endpoint_usage from a day before them. `window` is kept for callers that only
 * ever built: it must be false; inline use goes through the `requests` relation of a plan.
 */
export function factsSelect(src: FactsSource, opts: { window: false; since?: string; until?: string; read?: string }): string {
  if (opts.window !== false) throw new Error('factsSelect renders the build; queries read {{requests}}');
  return renderSql('SELECT * FROM {{request_facts}}\nUNION ALL\nSELECT * FROM {{unlogged_requests}}', buildContext(src, opts.since, opts.read, opts.until));
}

/** The text SELECT over every logged row (for a build), as factsSelect; `since`, `until` and `read` as there. */
export function textSelect(src: FactsSource, opts: { since?: string; until?: string; read?: string } = {}): string {
  return renderSql('SELECT * FROM {{request_text_rows}}', buildContext(src, opts.since, opts.read, opts.until));
}

/** The one reading of every logged row (for a build to write once and read twice): the columns the facts and texts need of it. */
export function readSelect(src: FactsSource, opts: { since?: string; until?: string } = {}): string {
  return renderSql(`SELECT ${READ_COLUMNS.map((c) => `r.${c}`).join(', ')} FROM {{payload_facts}} r`, buildContext(src, opts.since, undefined, opts.until));
}

/** Where the built facts live and how far they reach. */
export interface FactsTable {
  /** `catalog.schema.table` (Databricks) or `lens.request_facts` (embedded). */
  table: string;
  /** The request text table built beside it. */
  textTable: string;
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
  if (facts.coversEnd === null || window.end <= facts.coversEnd) return { mode: 'facts', table: facts.table, textTable: facts.textTable };
  if (window.start >= facts.coversEnd) return { mode: 'raw' };
  return { mode: 'hybrid', table: facts.table, textTable: facts.textTable, coversEnd: facts.coversEnd };
}
