import { z } from 'zod';
import { defineQuery } from '@/lib/catalogue/define';
import { dimensionShape, financeParams, topShape } from '@/lib/finance/params';

export default defineQuery({
  id: 'finance-breakdown',
  title: 'Spend by dimension',
  description: 'Weighted requests, tokens and price-book cost per value of a usage_context key, requester, endpoint, served entity or model; top N plus "(other)", or every value with top_n=0.',
  params: { ...dimensionShape, ...topShape },
  bind: (input, { window }) => ({ ...financeParams(input, window), top_n: input.top_n }),
  // Hourly token rollups price groups of requests instead of each one (queries/relations/token_groups.sql).
  rollups: { tables: ['gateway_lens_tokens_hourly', 'gateway_lens_context_tokens_hourly'] },
  row: z.object({
    value: z.string(),
    value_rank: z.number().int().positive(),
    values_included: z.number().int().positive(),
    requests: z.number().nonnegative(),
    sampled_rows: z.number().int().nonnegative(),
    input_tokens: z.number().nonnegative().nullable(),
    output_tokens: z.number().nonnegative().nullable(),
    estimated_tokens: z.number().nonnegative(),
    cost: z.number().nonnegative().nullable(),
    currency: z.string(),
    cost_per_request: z.number().nonnegative().nullable(),
    unpriced_tokens: z.number().nonnegative(),
  }),
});
