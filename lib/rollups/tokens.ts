import 'server-only';
import { rollupEdgesSql, sharedFiltersSql } from '@/lib/catalogue/filters';

/**
 * Token rollups for finance. Prices depend only on the served entity and the day, so spend
 * over any set of requests is a sum of four weighted token terms times that day's prices: the
 * rollups keep those sums per hour, endpoint, served entity, requester, status and token source
 * (and, in the context rollup, per usage_context key and value), and the cost is computed from
 * them at query time — exactly what pricing each request would give.
 *
 * Groups also carry whether their input and output counts are NULL, so "no count" stays apart
 * from zero as it does per request.
 */

/** Per-request token columns from a `{{request_tokens}}` relation (alias rt). */
const BASIS = `date_trunc('hour', rt.request_time) AS hour,
      CAST(date_trunc('hour', rt.request_time) AS DATE) AS hour_date,
      rt.endpoint_name, rt.served_entity_id, rt.requester, rt.status_code, rt.token_source,
      rt.input_tokens IS NULL AS input_null,
      rt.output_tokens IS NULL AS output_null,
      rt.weight,
      rt.input_tokens, rt.output_tokens,
      least(coalesce(rt.cached_input_tokens, 0), coalesce(rt.input_tokens, 0)) AS cached_in,
      least(coalesce(rt.reasoning_tokens, 0), coalesce(rt.output_tokens, 0)) AS reasoning_out`;

const DIMS = 'b.hour, b.hour_date, b.endpoint_name, b.served_entity_id, b.requester, b.status_code, b.token_source, b.input_null, b.output_null';

const SUMS = `count(*) AS row_count,
  sum(b.weight) AS weight_sum,
  sum(b.weight * b.input_tokens) AS w_input,
  sum(b.weight * b.output_tokens) AS w_output,
  sum(b.weight * (coalesce(b.input_tokens, 0) - b.cached_in)) AS w_cost_in,
  sum(b.weight * b.cached_in) AS w_cost_cached,
  sum(b.weight * (coalesce(b.output_tokens, 0) - b.reasoning_out)) AS w_cost_out,
  sum(b.weight * b.reasoning_out) AS w_cost_reasoning`;

/** The hourly token aggregate over a `{{request_tokens}}` relation. */
export function tokensHourlySelect(requestTokens: string): string {
  return `SELECT ${DIMS},
  ${SUMS}
FROM (SELECT ${BASIS} FROM ${requestTokens} rt) b
GROUP BY ${DIMS}`;
}

/**
 * The same per usage_context key and value: endpoint_usage's map, else the request body's copy
 * (as the finance dimension reads them). A request counts once under each key it carries.
 */
export function contextTokensHourlySelect(requestTokens: string): string {
  return `SELECT ${DIMS}, b.context_key, b.context_value,
  ${SUMS}
FROM (
  SELECT k.*, coalesce(k.usage_context[k.context_key], get_json_object(k.body_usage_context_json, concat('$.', k.context_key))) AS context_value
  FROM (
    SELECT ${BASIS}, rt.usage_context, rt.body_usage_context_json,
      explode(coalesce(map_keys(rt.usage_context), json_object_keys(rt.body_usage_context_json))) AS context_key
    FROM ${requestTokens} rt
    WHERE rt.usage_context IS NOT NULL OR rt.body_usage_context_json IS NOT NULL
  ) k
) b
WHERE b.context_value IS NOT NULL
GROUP BY ${DIMS}, b.context_key, b.context_value`;
}

const SUM_COLUMNS = ['row_count', 'weight_sum', 'w_input', 'w_output', 'w_cost_in', 'w_cost_cached', 'w_cost_out', 'w_cost_reasoning'];
const DIM_COLUMNS = ['hour_date', 'endpoint_name', 'served_entity_id', 'requester', 'status_code', 'token_source', 'input_null', 'output_null'];

/** Shared filters on rollup rows (alias a); requester is a dimension here. */
const TABLE_FILTERS = sharedFiltersSql('a', { time: 'rollup_hours' });

/**
 * Rows in the shape `{{priced_requests}}` gives one request, one per group instead: `weight` is
 * the group's summed weight and the token columns are weighted means, so `sum(weight * x)` and
 * `sum(row_count)` in a query give the same totals as over single requests. `context_value` is the
 * :context_key value when :dimension is context: keyed rows from the context rollup, and the rest
 * of each group (requests without that key) as NULL.
 *
 * `tables`: the two rollup tables for the whole hours, with the edges computed from
 * `requestTokens` (the window's requests); null: everything computed from `requestTokens`.
 */
export function tokenGroupsRelation(requestTokens: string, tables: { tokens: string; context: string } | null): string {
  const edgeFilter = tables ? ` WHERE ${rollupEdgesSql('rt')}` : '';
  const edges = `(SELECT * FROM ${requestTokens} rt${edgeFilter})`;
  const tokens = tables
    ? `(SELECT * FROM ${tables.tokens} a WHERE ${TABLE_FILTERS}\n      UNION ALL\n      ${tokensHourlySelect(edges)})`
    : `(${tokensHourlySelect(edges)})`;
  const context = tables
    ? `(SELECT * FROM ${tables.context} a WHERE a.context_key = :context_key AND ${TABLE_FILTERS}\n      UNION ALL\n      SELECT * FROM (${contextTokensHourlySelect(edges)}) e WHERE e.context_key = :context_key)`
    : `(SELECT * FROM (${contextTokensHourlySelect(edges)}) e WHERE e.context_key = :context_key)`;
  const cols = (sign: string) => SUM_COLUMNS.map((c) => `${sign}${c} AS ${c}`).join(', ');
  const dims = DIM_COLUMNS.join(', ');
  return `(SELECT ${dims}, context_value,
      ${SUM_COLUMNS.map((c) => `sum(${c}) AS ${c}`).join(', ')}
    FROM (
      SELECT ${dims}, CAST(NULL AS STRING) AS context_value, ${cols('')} FROM ${tokens} t
      UNION ALL
      SELECT ${dims}, context_value, ${cols('')} FROM ${context} c WHERE :dimension = 'context'
      UNION ALL
      SELECT ${dims}, CAST(NULL AS STRING) AS context_value, ${cols('-')} FROM ${context} c WHERE :dimension = 'context'
    ) g
    GROUP BY ${dims}, context_value
    HAVING sum(row_count) > 0
  )`;
}

/**
 * The groups as priced-request rows (alias t in pricedRequestsRelation): weighted means for the
 * token columns and the cost terms per unit of weight.
 */
export function tokenGroupsAsRequests(groups: string): string {
  const mean = (col: string) => `${col} / nullif(g.weight_sum, 0)`;
  return `(SELECT
      g.hour_date AS request_date, g.endpoint_name, g.served_entity_id, g.requester, g.status_code, g.token_source,
      g.context_value, g.row_count, g.weight_sum AS weight,
      ${mean('g.w_input')} AS input_tokens,
      ${mean('g.w_output')} AS output_tokens,
      ${mean('g.w_cost_in')} AS cost_in,
      ${mean('g.w_cost_cached')} AS cost_cached,
      ${mean('g.w_cost_out')} AS cost_out,
      ${mean('g.w_cost_reasoning')} AS cost_reasoning
    FROM ${groups} g
  )`;
}
