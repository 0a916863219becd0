import 'server-only';
import { TABLE_NAME } from '@/lib/config';
import type { Params } from '@/lib/warehouse/types';
import { priceRows, type PriceBook } from './price-book';

const num = (n: number | null) => (n === null ? 'CAST(NULL AS DOUBLE)' : `CAST(${Number(n).toString()} AS DOUBLE)`);
const date = (d: string | null) => {
  if (d === null) return 'CAST(NULL AS DATE)';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new Error('price book date is not YYYY-MM-DD');
  return `CAST('${d}' AS DATE)`;
};

const COLUMNS = 'model, match_name, effective_from, effective_to, input_per_1m, output_per_1m, cached_input_per_1m, reasoning_per_1m';

/**
 * The `price_book` relation: the active prices as rows. Numbers and dates come from the
 * zod-validated book; the names (free text) arrive in one bound parameter, `:price_book`, a JSON
 * array read by index — one parameter whatever the size of the book (the driver allows 256).
 */
export function priceBookValuesSql(book: PriceBook): string {
  const rows = priceRows(book);
  if (rows.length === 0) {
    return `SELECT CAST(NULL AS STRING) AS model, CAST(NULL AS STRING) AS match_name, CAST(NULL AS DATE) AS effective_from, CAST(NULL AS DATE) AS effective_to,
  CAST(NULL AS DOUBLE) AS input_per_1m, CAST(NULL AS DOUBLE) AS output_per_1m, CAST(NULL AS DOUBLE) AS cached_input_per_1m, CAST(NULL AS DOUBLE) AS reasoning_per_1m
WHERE 1 = 0`;
  }
  const values = rows.map((r, i) => `(get_json_object(:price_book, '$[${i}].model'), get_json_object(:price_book, '$[${i}].match'), ${date(r.from)}, ${date(r.to)}, ${num(r.inputPer1m)}, ${num(r.outputPer1m)}, ${num(r.cachedInputPer1m)}, ${num(r.reasoningPer1m)})`);
  return `SELECT ${COLUMNS} FROM (VALUES\n  ${values.join(',\n  ')}\n) AS pb_values(${COLUMNS})`;
}

/** The one parameter the price_book relation reads: the model and match name of each row, in order. */
export function priceBookParams(book: PriceBook): Params {
  return { price_book: JSON.stringify(priceRows(book).map((r) => ({ model: r.model, match: r.match }))) };
}

export interface BillingTables { usage: string; listPrices: string }

/** Billing tables for reconciliation, from BILLING_USAGE_TABLE and BILLING_LIST_PRICES_TABLE. */
export function billingTables(env: Record<string, string | undefined> = process.env): BillingTables | null {
  const usage = env.BILLING_USAGE_TABLE?.trim();
  const listPrices = env.BILLING_LIST_PRICES_TABLE?.trim();
  if (!usage || !listPrices || !TABLE_NAME.test(usage) || !TABLE_NAME.test(listPrices)) return null;
  return { usage, listPrices };
}
