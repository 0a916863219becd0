import { priceFor, type PriceBook } from '@/lib/finance/price-book-core';

/** Prices per million tokens of one served entity. */
export interface TokenPrice { inputPerMillion: number; outputPerMillion: number; currency: string }

export type PriceLookup = (entity: { endpoint: string; key: string; model: string | null; name?: string | null }) => TokenPrice | null;

/** Without a price book every entity is "unpriced" (never $0). */
export const lookupPrice: PriceLookup = () => null;

/**
 * Prices from the finance price book, by its documented rule: the entity's model (entity_name),
 * else its served entity name, matched whole and case-insensitively, at the price in force on `date`.
 */
export function priceLookupFrom(book: PriceBook | null | undefined, date: string): PriceLookup {
  if (!book) return lookupPrice;
  return ({ model, name }) => {
    const row = priceFor(book, model, date) ?? priceFor(book, name, date);
    return row ? { inputPerMillion: row.inputPer1m, outputPerMillion: row.outputPer1m, currency: book.currency } : null;
  };
}

/** Mean cost of one request from mean token counts; null when unpriced or tokens are unknown. */
export function costPerRequest(price: TokenPrice | null, meanInput: number | null, meanOutput: number | null): number | null {
  if (!price || meanInput === null) return null;
  return (meanInput * price.inputPerMillion + (meanOutput ?? 0) * price.outputPerMillion) / 1e6;
}

/** A cost this much above the baseline's is flagged "dearer" (and below, "cheaper"). */
export const DEARER_RATIO = 1.1;
