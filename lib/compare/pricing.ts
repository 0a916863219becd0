/** Prices per million tokens of one served entity. */
export interface TokenPrice { inputPerMillion: number; outputPerMillion: number; currency: string }

export type PriceLookup = (entity: { endpoint: string; key: string; model: string | null }) => TokenPrice | null;

/**
 * The price book is not wired yet, so every entity is "unpriced" (never $0). Wiring it is this
 * one line: return the price book's price for the entity's model.
 */
export const lookupPrice: PriceLookup = () => null;

/** Mean cost of one request from mean token counts; null when unpriced or tokens are unknown. */
export function costPerRequest(price: TokenPrice | null, meanInput: number | null, meanOutput: number | null): number | null {
  if (!price || meanInput === null) return null;
  return (meanInput * price.inputPerMillion + (meanOutput ?? 0) * price.outputPerMillion) / 1e6;
}

/** A cost this much above the baseline's is flagged "dearer" (and below, "cheaper"). */
export const DEARER_RATIO = 1.1;
