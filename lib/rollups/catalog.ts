/**
 * What each rollup table can answer, declared once: its grain, the columns it keeps as
 * dimensions (so which shared filters it can apply) and its measures. The plan
 * (lib/catalogue/plan.ts) reads a table for the whole hours of a window only when the table can
 * answer the query's filters at the query's bucket; the SQL that builds each is
 * queries/relations/<definition>.sql.
 */
export type Grain = 'minute' | 'hour';

export interface RollupSpec {
  table: string;
  /** The relation (queries/relations/<definition>.sql) computing the table's rows from requests. */
  definition: string;
  /** What it is built from: the request facts, the request text (the questions asked), or both (conversations and their tokens). */
  source: 'facts' | 'text' | 'text and facts';
  grain: Grain;
  dimensions: readonly string[];
  measures: readonly string[];
  /** Column an incremental refresh deletes by (a DATE), and the clustering of the table. */
  dateColumn: 'hour_date';
  clusterBy: string;
}

const HOUR_DIMS = ['hour', 'hour_date', 'endpoint_name', 'served_entity_id', 'status_code'] as const;

export const ROLLUPS: readonly RollupSpec[] = [
  {
    table: 'gateway_lens_hourly',
    definition: 'hourly_from_requests',
    source: 'facts',
    grain: 'hour',
    dimensions: [...HOUR_DIMS, 'error_category'],
    measures: ['sampled_rows', 'requests', 'unlogged_requests', 'payload_requests', 'usage_requests', 'guardrail_blocked_rows', 'null_request_rows', 'null_response_rows', 'timed_rows', 'duration_ms_sum', 'ok_input_tokens', 'ok_input_rows', 'ok_output_tokens', 'ok_output_rows'],
    dateColumn: 'hour_date',
    clusterBy: 'hour_date, endpoint_name',
  },
  {
    table: 'gateway_lens_latency_hourly',
    definition: 'latency_hourly_from_requests',
    source: 'facts',
    grain: 'hour',
    dimensions: [...HOUR_DIMS, 'bin'],
    measures: ['sampled_rows', 'requests', 'min_ms', 'max_ms', 'output_tokens', 'output_ms'],
    dateColumn: 'hour_date',
    clusterBy: 'hour_date, endpoint_name',
  },
  {
    table: 'gateway_lens_minutely',
    definition: 'minutely_from_requests',
    source: 'facts',
    grain: 'minute',
    dimensions: [...HOUR_DIMS, 'minute'],
    measures: ['sampled_rows', 'requests'],
    dateColumn: 'hour_date',
    clusterBy: 'hour_date, endpoint_name',
  },
  {
    table: 'gateway_lens_tokens_hourly',
    definition: 'tokens_hourly_from_requests',
    source: 'facts',
    grain: 'hour',
    dimensions: [...HOUR_DIMS, 'requester', 'token_source', 'input_null', 'output_null'],
    measures: ['row_count', 'weight_sum', 'w_input', 'w_output', 'w_cost_in', 'w_cost_cached', 'w_cost_out', 'w_cost_reasoning'],
    dateColumn: 'hour_date',
    clusterBy: 'hour_date, endpoint_name',
  },
  {
    table: 'gateway_lens_context_tokens_hourly',
    definition: 'context_tokens_hourly_from_requests',
    source: 'facts',
    grain: 'hour',
    dimensions: [...HOUR_DIMS, 'requester', 'token_source', 'input_null', 'output_null', 'context_key', 'context_value'],
    measures: ['row_count', 'weight_sum', 'w_input', 'w_output', 'w_cost_in', 'w_cost_cached', 'w_cost_out', 'w_cost_reasoning'],
    dateColumn: 'hour_date',
    clusterBy: 'hour_date, context_key',
  },
  {
    // Failed requests per hour (ops top error messages and error taxonomy): one row per folded
    // message, taxonomy detail and group.
    table: 'gateway_lens_error_messages_hourly',
    definition: 'error_messages_hourly_from_requests',
    source: 'facts',
    grain: 'hour',
    dimensions: [...HOUR_DIMS, 'requester', 'category', 'detail', 'message_pattern'],
    measures: ['requests', 'sampled_rows', 'first_seen', 'last_seen', 'example_request_id', 'example_endpoint', 'other_example_request_id', 'other_example_endpoint'],
    dateColumn: 'hour_date',
    clusterBy: 'hour_date, endpoint_name',
  },
  {
    // Token counts of successful requests as ~2% histograms (token trends' p95), every request once
    // (context_key NULL) and once more per usage_context key it carries.
    table: 'gateway_lens_token_bins_hourly',
    definition: 'token_bins_hourly_from_requests',
    source: 'facts',
    grain: 'hour',
    dimensions: [...HOUR_DIMS, 'requester', 'context_key', 'context_value', 'measure', 'bin'],
    measures: ['row_count', 'weight_sum', 'w_tokens', 'min_tokens', 'max_tokens'],
    dateColumn: 'hour_date',
    clusterBy: 'hour_date, context_key',
  },
  {
    // The questions asked per hour (top questions): one row per normalised question and group, so
    // repeated questions cost one row an hour however often they are asked.
    table: 'gateway_lens_questions_hourly',
    definition: 'questions_hourly_from_text',
    source: 'text',
    grain: 'hour',
    dimensions: [...HOUR_DIMS, 'question_key'],
    measures: ['requests', 'sampled_rows', 'first_seen', 'last_seen', 'example', 'latest_request_id'],
    dateColumn: 'hour_date',
    clusterBy: 'hour_date, endpoint_name',
  },
  {
    // Conversations per hour (the conversations list): one row per thread and group with its
    // turns, latest request and tokens, so the list reads no turn.
    table: 'gateway_lens_threads_hourly',
    definition: 'threads_hourly_from_text',
    source: 'text and facts',
    grain: 'hour',
    dimensions: [...HOUR_DIMS, 'requester', 'thread_id'],
    measures: ['thread_source', 'turns', 'first_seen', 'last_seen', 'latest_request_id', 'tokens', 'tokened_turns', 'cost_in', 'cost_cached', 'cost_out', 'cost_reasoning'],
    dateColumn: 'hour_date',
    clusterBy: 'hour_date, endpoint_name',
  },
];

export type RollupTable = 'gateway_lens_hourly' | 'gateway_lens_latency_hourly' | 'gateway_lens_minutely' | 'gateway_lens_tokens_hourly' | 'gateway_lens_context_tokens_hourly' | 'gateway_lens_token_bins_hourly' | 'gateway_lens_error_messages_hourly' | 'gateway_lens_questions_hourly' | 'gateway_lens_threads_hourly';

export const ROLLUP_TABLE_NAMES: readonly string[] = ROLLUPS.map((r) => r.table);

export function rollupSpec(table: string): RollupSpec {
  const spec = ROLLUPS.find((r) => r.table === table);
  if (!spec) throw new Error(`Unknown rollup table ${table}`);
  return spec;
}

/** The column each shared filter compares; a rollup without it cannot apply that filter. */
export const FILTER_COLUMNS = { endpoint: 'endpoint_name', served_entity: 'served_entity_id', requester: 'requester', status: 'status_code', usage_context: 'usage_context' } as const;
