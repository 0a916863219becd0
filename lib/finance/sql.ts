import 'server-only';
import { TABLE_NAME } from '@/lib/config';
import { sharedFiltersSql } from '@/lib/catalogue/filters';
import type { Params } from '@/lib/warehouse/types';
import { priceRows, type PriceBook } from './price-book';

/**
 * `{{request_tokens}}`: one row per logged request in the shared filter window, with its tokens
 * and where they came from: endpoint_usage when it has the request, else the `usage` block of the
 * response (plain or streamed chunk array), else (characters + 1) / 4 of the logged body, the
 * estimate Databricks itself uses. Failed requests (status >= 400) without counts count 0.
 * Everything it needs was extracted once into the request facts (lib/rollups/facts.ts), so
 * `requests` is the `{{requests}}` relation: the built facts table or the same columns inline.
 * `usage_context` is the endpoint_usage map; `body_usage_context_json` the request body's copy for
 * requests endpoint_usage does not have; `usage_context_json` both as JSON (costlier: serialises).
 */
export function requestTokensRelation(requests: string, opts: { filtered?: boolean } = {}): string {
  const filtered = opts.filtered ?? true;
  const hasUsage = '(rt.usage_in IS NOT NULL OR rt.usage_out IS NOT NULL)';
  const hasResp = '(rt.resp_in IS NOT NULL OR rt.resp_out IS NOT NULL)';
  const estimate = (chars: string) => `CAST(floor((rt.${chars} + 1) / 4) AS BIGINT)`;
  return `(SELECT
      rt.databricks_request_id, rt.endpoint_name, rt.served_entity_id, rt.request_time, rt.request_date,
      rt.status_code, rt.requester, rt.sampling_fraction, rt.weight,
      rt.usage_context, rt.body_usage_context_json,
      coalesce(CAST(to_json(rt.usage_context) AS STRING), rt.body_usage_context_json) AS usage_context_json,
      CASE
        WHEN ${hasUsage} THEN 'usage_table'
        WHEN ${hasResp} THEN 'response'
        WHEN rt.status_code >= 400 OR rt.request_chars IS NOT NULL THEN 'estimate'
        ELSE 'unknown'
      END AS token_source,
      CASE
        WHEN ${hasUsage} THEN rt.usage_in
        WHEN ${hasResp} THEN coalesce(rt.resp_in, 0)
        WHEN rt.status_code >= 400 THEN 0
        ELSE ${estimate('request_chars')}
      END AS input_tokens,
      CASE
        WHEN ${hasUsage} THEN rt.usage_out
        WHEN ${hasResp} THEN coalesce(rt.resp_out, 0)
        WHEN rt.status_code >= 400 THEN 0
        ELSE ${estimate('response_chars')}
      END AS output_tokens,
      rt.cached_in AS cached_input_tokens,
      rt.reasoning_out AS reasoning_tokens
    FROM ${requests} rt${filtered ? `
    WHERE ${sharedFiltersSql('rt')}` : ''}
  )`;
}

const num = (n: number | null) => (n === null ? 'CAST(NULL AS DOUBLE)' : `CAST(${Number(n).toString()} AS DOUBLE)`);
const date = (d: string | null) => {
  if (d === null) return 'CAST(NULL AS DATE)';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new Error('price book date is not YYYY-MM-DD');
  return `CAST('${d}' AS DATE)`;
};

/**
 * `{{price_book}}`: the active prices as an inline relation. Numbers and dates come from the
 * zod-validated book; the names (free text) are bound parameters, never pasted into the SQL.
 */
export function priceBookRelation(book: PriceBook): string {
  const rows = priceRows(book);
  const cols = 'model, match_name, effective_from, effective_to, input_per_1m, output_per_1m, cached_input_per_1m, reasoning_per_1m';
  if (rows.length === 0) {
    return `(SELECT CAST(NULL AS STRING) AS model, CAST(NULL AS STRING) AS match_name, CAST(NULL AS DATE) AS effective_from, CAST(NULL AS DATE) AS effective_to, CAST(NULL AS DOUBLE) AS input_per_1m, CAST(NULL AS DOUBLE) AS output_per_1m, CAST(NULL AS DOUBLE) AS cached_input_per_1m, CAST(NULL AS DOUBLE) AS reasoning_per_1m WHERE 1 = 0)`;
  }
  const values = rows.map((r, i) => `(:pb_model_${i}, :pb_match_${i}, ${date(r.from)}, ${date(r.to)}, ${num(r.inputPer1m)}, ${num(r.outputPer1m)}, ${num(r.cachedInputPer1m)}, ${num(r.reasoningPer1m)})`);
  return `(SELECT ${cols} FROM (VALUES\n      ${values.join(',\n      ')}\n    ) AS pb_values(${cols}))`;
}

export function priceBookParams(book: PriceBook): Params {
  const params: Record<string, string> = {};
  priceRows(book).forEach((r, i) => {
    params[`pb_model_${i}`] = r.model;
    params[`pb_match_${i}`] = r.match;
  });
  return params;
}

export interface BillingTables { usage: string; listPrices: string }

/** Billing tables for reconciliation, from BILLING_USAGE_TABLE and BILLING_LIST_PRICES_TABLE. */
export function billingTables(env: Record<string, string | undefined> = process.env): BillingTables | null {
  const usage = env.BILLING_USAGE_TABLE?.trim();
  const listPrices = env.BILLING_LIST_PRICES_TABLE?.trim();
  if (!usage || !listPrices || !TABLE_NAME.test(usage) || !TABLE_NAME.test(listPrices)) return null;
  return { usage, listPrices };
}

/**
 * `{{billing_serving_daily}}`: billed Model Serving cost per endpoint per UTC day at list price,
 * or an empty relation of the same shape when billing tables are not configured.
 */
export function billingServingDailyRelation(billing: BillingTables | null): string {
  if (!billing) {
    return `(SELECT CAST(NULL AS DATE) AS usage_date, CAST(NULL AS STRING) AS endpoint_name, CAST(NULL AS DOUBLE) AS billed_cost, CAST(NULL AS STRING) AS currency_code WHERE 1 = 0)`;
  }
  return `(SELECT
      CAST(bu.usage_date AS DATE) AS usage_date,
      bu.usage_metadata.endpoint_name AS endpoint_name,
      CAST(sum(bu.usage_quantity * lp.pricing.effective_list.default) AS DOUBLE) AS billed_cost,
      max(lp.currency_code) AS currency_code
    FROM ${billing.usage} bu
    JOIN ${billing.listPrices} lp
      ON lp.sku_name = bu.sku_name AND lp.cloud = bu.cloud AND lp.usage_unit = bu.usage_unit
      AND bu.usage_start_time >= lp.price_start_time
      AND (lp.price_end_time IS NULL OR bu.usage_start_time < lp.price_end_time)
    WHERE bu.billing_origin_product = 'MODEL_SERVING'
      AND bu.usage_date BETWEEN CAST(:start_date AS DATE) AND CAST(:end_date AS DATE)
    GROUP BY CAST(bu.usage_date AS DATE), bu.usage_metadata.endpoint_name)`;
}

/**
 * One row per request of `{{request_tokens}}` in the shape pricedRequestsRelation prices:
 * `row_count` 1, the :context_key value of the finance dimension, and the four token terms
 * spend is made of (input less cached, cached input, output less reasoning, reasoning).
 */
export function requestRowsForPricing(requestTokens: string): string {
  return `(SELECT
      r.*,
      1 AS row_count,
      coalesce(r.usage_context[:context_key], get_json_object(r.body_usage_context_json, concat('$.', :context_key))) AS context_value,
      coalesce(r.input_tokens, 0) - r.cached_in AS cost_in,
      r.cached_in AS cost_cached,
      coalesce(r.output_tokens, 0) - r.reasoning_out AS cost_out,
      r.reasoning_out AS cost_reasoning
    FROM (
      SELECT t.*,
        least(coalesce(t.cached_input_tokens, 0), coalesce(t.input_tokens, 0)) AS cached_in,
        least(coalesce(t.reasoning_tokens, 0), coalesce(t.output_tokens, 0)) AS reasoning_out
      FROM ${requestTokens} t
    ) r
  )`;
}

/**
 * `{{priced_requests}}`: requests (or rollup groups of them, lib/rollups/tokens.ts) with the served
 * entity's names and the price in force on the request's date. Matching rule: the entity_name of
 * the latest served_entities row first, then its served_entity_name, each compared whole and
 * case-insensitively with the book's `match` names. `cost` (per unit of weight: one request) is
 * NULL when unpriced — never 0. Queries sum `weight * cost` and `row_count`.
 */
export function pricedRequestsRelation(rows: string, servedEntitiesLatest: string, priceBook: string): string {
  const pick = (col: string) => `CASE WHEN pe.model IS NOT NULL THEN pe.${col} ELSE ps.${col} END`;
  // No OR in the join condition: it keeps the price join a hash join on the name.
  const inForce = (alias: string) => `${alias}.effective_from <= t.request_date AND t.request_date < coalesce(${alias}.effective_to, CAST('9999-12-31' AS DATE))`;
  return `(SELECT
      pr.*,
      CASE WHEN pr.price_model IS NULL OR (pr.input_tokens IS NULL AND pr.output_tokens IS NULL) THEN NULL ELSE (
        pr.cost_in * pr.input_per_1m
        + pr.cost_cached * coalesce(pr.cached_input_per_1m, pr.input_per_1m)
        + pr.cost_out * pr.output_per_1m
        + pr.cost_reasoning * coalesce(pr.reasoning_per_1m, pr.output_per_1m)
      ) / 1000000.0 END AS cost
    FROM (
      SELECT
        t.*,
        se.entity_name,
        se.served_entity_name,
        ${pick('model')} AS price_model,
        ${pick('input_per_1m')} AS input_per_1m,
        ${pick('output_per_1m')} AS output_per_1m,
        ${pick('cached_input_per_1m')} AS cached_input_per_1m,
        ${pick('reasoning_per_1m')} AS reasoning_per_1m
      FROM ${rows} t
      LEFT JOIN ${servedEntitiesLatest} se ON se.served_entity_id = t.served_entity_id
      LEFT JOIN ${priceBook} pe ON pe.match_name = lower(se.entity_name) AND ${inForce('pe')}
      LEFT JOIN ${priceBook} ps ON ps.match_name = lower(se.served_entity_name) AND ${inForce('ps')}
    ) pr
  )`;
}
