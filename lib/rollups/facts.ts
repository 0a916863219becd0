import 'server-only';
import { TABLE_NAME } from '@/lib/config';
import { PAYLOAD_FILTERS_SQL } from '@/lib/catalogue/filters';

/**
 * Request facts: one row per logged request with everything the charts need from its bodies
 * extracted once — outcome category, token counts the response reports, body sizes, the
 * usage_context the client sent — and the endpoint_usage row joined in. No request or response
 * text: a 30-day chart reads a few narrow columns instead of parsing JSON per view.
 *
 * The same SELECT is used twice: to build the facts table (`npm run rollups`, or at load on the
 * embedded engine) and, when the table does not cover the window, inline over the raw tables.
 * Both paths therefore return the same figures by construction; a test checks it on demo data.
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
] as const;

export const FACT_COLUMN_LIST = FACT_COLUMNS.map((c) => c.name).join(', ');

/**
 * Token counts in the response body: the `usage` block of a plain response or of the last chunk
 * of a streamed one. Regular expressions without backslashes, which the two engines' string
 * literals read differently; instr first, so most bodies skip the expression.
 */
const RESPONSE_TOKENS = {
  input: `CAST(nullif(regexp_extract(p.response, '"(prompt_tokens|input_tokens)":[ ]*([0-9]+)', 2), '') AS BIGINT)`,
  output: `CAST(nullif(regexp_extract(p.response, '"(completion_tokens|output_tokens)":[ ]*([0-9]+)', 2), '') AS BIGINT)`,
  cached: `CASE WHEN instr(p.response, '"cached_tokens"') > 0 THEN CAST(nullif(regexp_extract(p.response, '"cached_tokens":[ ]*([0-9]+)', 1), '') AS BIGINT) END`,
  reasoning: `CASE WHEN instr(p.response, '"reasoning_tokens"') > 0 THEN CAST(nullif(regexp_extract(p.response, '"reasoning_tokens":[ ]*([0-9]+)', 1), '') AS BIGINT) END`,
};

/**
 * The outcome of a payload row (alias `p`) read from its status and response body. Guardrail
 * verdicts and provider errors are JSON inside the `message` string; NULL, truncated or non-JSON
 * bodies still land in a category. One definition for every view.
 */
export const ERROR_CATEGORY_SQL = `CASE
      WHEN p.status_code < 400 THEN 'ok'
      WHEN p.status_code = 429 OR get_json_object(p.response, '$.error_code') = 'REQUEST_LIMIT_EXCEEDED' THEN 'rate_limited'
      WHEN get_json_object(get_json_object(p.response, '$.message'), '$.finishReason') = 'input_guardrail_triggered'
        OR get_json_object(get_json_object(p.response, '$.message'), '$.input_guardrail[0].flagged') = 'true' THEN 'input_guardrail'
      WHEN get_json_object(get_json_object(p.response, '$.message'), '$.finishReason') = 'output_guardrail_triggered'
        OR get_json_object(get_json_object(p.response, '$.message'), '$.output_guardrail[0].flagged') = 'true' THEN 'output_guardrail'
      WHEN get_json_object(get_json_object(p.response, '$.message'), '$.external_model_provider') IS NOT NULL THEN 'provider_error'
      WHEN p.status_code >= 500 THEN 'server_5xx'
      ELSE 'client_4xx'
    END`;

/** A typed empty endpoint_usage relation: payload-only facts when the usage table is unreadable. */
const NO_USAGE = `(SELECT CAST(NULL AS STRING) AS databricks_request_id, CAST(NULL AS BIGINT) AS input_token_count,
      CAST(NULL AS BIGINT) AS output_token_count,
      map_from_arrays(split(CAST(NULL AS STRING), ','), split(CAST(NULL AS STRING), ',')) AS usage_context WHERE 1 = 0)`;

export interface FactsSource {
  /** The payload relation (every `*_payload` table as one, with `endpoint_name`). */
  payload: string;
  /** The endpoint_usage table, or null when it cannot be read. */
  endpointUsage: string | null;
}

/**
 * The facts SELECT over the raw tables. `window`: restrict to the shared filters (the inline
 * path); without it every row is read (the build). `since`: only rows at or after
 * `:lens_covers_end`, for the part of a window the built table does not cover yet.
 */
export function factsSelect(src: FactsSource, opts: { window: boolean; since?: boolean }): string {
  if (src.endpointUsage !== null && !TABLE_NAME.test(src.endpointUsage)) throw new Error('endpoint usage table name is not catalog.schema.table');
  const usage = src.endpointUsage === null
    ? NO_USAGE
    : opts.window
      // Usage rows of the window (an hour either side), so the warehouse prunes the usage table too.
      ? `(SELECT databricks_request_id, input_token_count, output_token_count, usage_context FROM ${src.endpointUsage}
        WHERE request_time >= CAST(:start_time AS TIMESTAMP) - INTERVAL 1 HOUR
          AND request_time < CAST(:end_time AS TIMESTAMP) + INTERVAL 1 HOUR)`
      : `(SELECT databricks_request_id, input_token_count, output_token_count, usage_context FROM ${src.endpointUsage})`;
  const noCounts = '(u.input_token_count IS NULL AND u.output_token_count IS NULL)';
  const where = [opts.window ? PAYLOAD_FILTERS_SQL : null, opts.since ? 'p.request_time >= CAST(:lens_covers_end AS TIMESTAMP)' : null].filter(Boolean);
  return `SELECT
      p.endpoint_name, p.databricks_request_id, p.client_request_id, p.request_date, p.request_time,
      p.status_code, p.sampling_fraction, p.execution_duration_ms, p.served_entity_id,
      p.logging_error_codes, p.requester,
      1.0 / coalesce(nullif(p.sampling_fraction, 0), 1.0) AS weight,
      ${ERROR_CATEGORY_SQL} AS error_category,
      CASE WHEN p.status_code = 400 AND p.response LIKE '%guardrail_triggered%' THEN 1 ELSE 0 END AS guardrail_blocked,
      CAST(length(p.request) AS BIGINT) AS request_chars,
      CAST(length(p.response) AS BIGINT) AS response_chars,
      u.databricks_request_id IS NOT NULL AS in_usage,
      u.input_token_count AS usage_in,
      u.output_token_count AS usage_out,
      u.usage_context,
      -- The request body's usage_context, for requests endpoint_usage does not have.
      CASE WHEN u.databricks_request_id IS NULL THEN get_json_object(p.request, '$.usage_context') END AS body_usage_context_json,
      CASE WHEN ${noCounts} THEN ${RESPONSE_TOKENS.input} END AS resp_in,
      CASE WHEN ${noCounts} THEN ${RESPONSE_TOKENS.output} END AS resp_out,
      ${RESPONSE_TOKENS.cached} AS cached_in,
      ${RESPONSE_TOKENS.reasoning} AS reasoning_out
    FROM ${src.payload} p
    LEFT JOIN ${usage} u ON u.databricks_request_id = p.databricks_request_id${where.length ? `\n    WHERE ${where.join('\n      AND ')}` : ''}`;
}

/** Where the built facts live and how far they reach. */
export interface FactsTable {
  /** `catalog.schema.table` (Databricks) or `lens.request_facts` (embedded). */
  table: string;
  /** Rows before this instant are all in the table; null: the source is a snapshot, all of it is. */
  coversEnd: Date | null;
}

export type FactsChoice =
  | { mode: 'raw' }
  | { mode: 'facts'; table: string }
  | { mode: 'hybrid'; table: string; coversEnd: Date };

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

/**
 * `{{requests}}`: the facts relation for a query, filtered by the shared filters (alias it `p`
 * and add `{{payload_filters}}` as for payloads). Text columns are not in it.
 */
export function requestsRelation(choice: FactsChoice, src: FactsSource): string {
  if (choice.mode === 'facts') return `(SELECT ${FACT_COLUMN_LIST} FROM ${choice.table})`;
  if (choice.mode === 'raw') return `(${factsSelect(src, { window: true })}\n  )`;
  return `(SELECT ${FACT_COLUMN_LIST} FROM ${choice.table} WHERE request_time < CAST(:lens_covers_end AS TIMESTAMP)
    UNION ALL
    ${factsSelect(src, { window: true, since: true })}\n  )`;
}
