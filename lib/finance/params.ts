import { z } from 'zod';
import { filterParams, type TimeWindow } from '@/lib/catalogue/filters';
import type { Params } from '@/lib/warehouse/types';
import { getPriceBook } from './price-book';
import { priceBookParams } from './sql';
import { intParam } from '@/lib/catalogue/params';

import { CONTEXT_KEY, DEFAULT_CONTEXT_KEY, DIMENSIONS, type Dimension } from './dimensions';

export { CONTEXT_KEY, DEFAULT_CONTEXT_KEY, DIMENSIONS, type Dimension };

/** The parameters every finance breakdown shares: which dimension, and optionally one of its values. */
export const dimensionShape = {
  dimension: z.enum(DIMENSIONS).default('context'),
  context_key: z.string().regex(CONTEXT_KEY, 'expected a usage_context key (letters, digits and _)').default(DEFAULT_CONTEXT_KEY),
  focus: z.string().min(1).max(256).optional(),
};

export const topShape = {
  /** Values beyond the top N are summed into "(other)"; 0 returns every value. */
  top_n: intParam(0, 1000).default(8),
};

type DimensionInput = { dimension: Dimension; context_key: string; focus?: string; endpoint?: string; served_entity?: string; requester?: string; status?: string };

export function financeParams(input: DimensionInput, window: TimeWindow): Params {
  return {
    ...filterParams(input, window),
    ...priceBookParams(getPriceBook()),
    currency: getPriceBook().currency,
    dimension: input.dimension,
    context_key: input.context_key,
    focus_value: input.focus ?? null,
  };
}

/** Prices per request (priced_requests) for views without a usage_context dimension: the relation binds a key it does not use then. */
export function perRequestPriceParams(): Params {
  return { ...priceBookParams(getPriceBook()), context_key: 'project' };
}

/** Dates come back as DATE (DuckDB) or timestamps (Databricks): SQL casts them to text first. */
export const dayString = z.string().regex(/^\d{4}-\d{2}-\d{2}/);
export const TOKEN_SOURCES = ['usage_table', 'response', 'estimate', 'unknown'] as const;
