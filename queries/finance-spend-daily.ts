import { z } from 'zod';
import { defineQuery } from '@/lib/catalogue/define';
import { dayString, dimensionShape, financeParams, topShape } from '@/lib/finance/params';

export default defineQuery({
  id: 'finance-spend-daily',
  title: 'Daily spend',
  description: 'Price-book cost, tokens and unpriced tokens per UTC day, split by the top N values of the chosen dimension plus "(other)".',
  params: { ...dimensionShape, ...topShape },
  bind: (input, { window }) => ({ ...financeParams(input, window), top_n: input.top_n }),
  // Hourly token rollups price groups of requests instead of each one (queries/relations/token_groups.sql).
  rollups: { tables: ['gateway_lens_tokens_hourly', 'gateway_lens_context_tokens_hourly'] },
  row: z.object({
    day: dayString,
    series: z.string(),
    series_rank: z.number().int().positive(),
    cost: z.number().nonnegative().nullable(),
    tokens: z.number().nonnegative(),
    unpriced_tokens: z.number().nonnegative(),
    requests: z.number().nonnegative(),
  }),
});
