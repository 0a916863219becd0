import { z } from 'zod';
import { defineQuery } from '@/lib/catalogue/define';
import { filterParams } from '@/lib/catalogue/filters';

export default defineQuery({
  id: 'finance-context-keys',
  title: 'usage_context keys',
  description: 'The usage_context keys present in the window (endpoint_usage, else request bodies), with weighted requests carrying a value for each and distinct values per key.',
  params: {},
  bind: (input, { window }) => filterParams(input, window),
  // Whole hours from the per-key token rollup (queries/relations/context_tokens_hourly.sql).
  rollups: { tables: ['gateway_lens_context_tokens_hourly'] },
  row: z.object({
    context_key: z.string(),
    requests: z.number().nonnegative(),
    distinct_values: z.number().int().nonnegative(),
  }),
});
