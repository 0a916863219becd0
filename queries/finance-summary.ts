import { z } from 'zod';
import { defineQuery } from '@/lib/catalogue/define';
import { TOKEN_SOURCES, dimensionShape, financeParams } from '@/lib/finance/params';

export default defineQuery({
  id: 'finance-summary',
  title: 'Spend and tokens by token source',
  description: 'Weighted requests, tokens and price-book cost per token source (usage_table, response, estimate, unknown); unpriced models are counted apart.',
  params: dimensionShape,
  bind: (input, { window }) => financeParams(input, window),
  // Hourly token rollups price groups of requests instead of each one (queries/relations/token_groups.sql).
  rollups: { tables: ['gateway_lens_tokens_hourly', 'gateway_lens_context_tokens_hourly'] },
  row: z.object({
    token_source: z.enum(TOKEN_SOURCES),
    requests: z.number().nonnegative(),
    sampled_rows: z.number().int().nonnegative(),
    input_tokens: z.number().nonnegative().nullable(),
    output_tokens: z.number().nonnegative().nullable(),
    cost: z.number().nonnegative().nullable(),
    priced_requests: z.number().nonnegative(),
    unpriced_requests: z.number().nonnegative(),
    unpriced_tokens: z.number().nonnegative(),
  }),
});
