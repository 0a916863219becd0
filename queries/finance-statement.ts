import { z } from 'zod';
import { defineQuery } from '@/lib/catalogue/define';
import { dimensionShape, financeParams } from '@/lib/finance/params';

export default defineQuery({
  id: 'finance-statement',
  title: 'Monthly statement',
  description: 'Per UTC month, per value of the chosen dimension (end_user_to_charge by default), per model: weighted requests, tokens and price-book cost.',
  params: dimensionShape,
  bind: (input, { window }) => financeParams(input, window),
  // Hourly token rollups price groups of requests instead of each one (queries/relations/token_groups.sql).
  rollups: { tables: ['gateway_lens_tokens_hourly', 'gateway_lens_context_tokens_hourly'] },
  row: z.object({
    month: z.string().regex(/^\d{4}-\d{2}$/),
    value: z.string(),
    model: z.string(),
    priced: z.boolean(),
    requests: z.number().nonnegative(),
    input_tokens: z.number().nonnegative().nullable(),
    output_tokens: z.number().nonnegative().nullable(),
    estimated_tokens: z.number().nonnegative(),
    cost: z.number().nonnegative().nullable(),
    currency: z.string(),
  }),
});
