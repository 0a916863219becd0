import { z } from 'zod';
import { defineQuery } from '@/lib/catalogue/define';
import { filterParams } from '@/lib/catalogue/filters';
import { CONTEXT_FILTER_KEY } from '@/lib/identifiers';
import { DEFAULT_CONTEXT_KEY } from '@/lib/finance/dimensions';

export default defineQuery({
  id: 'filter-context-values',
  title: 'usage_context values',
  description: 'The values of one usage_context key in the window with estimated requests, busiest first, up to 200: the filter bar’s choices. The usage_context filters do not narrow the list.',
  params: {
    context_key: z.string().regex(CONTEXT_FILTER_KEY, 'expected a usage_context key (letters, digits and _)').default(DEFAULT_CONTEXT_KEY),
  },
  bind: (input, { window }) => ({
    ...filterParams({ ...input, usage_context: undefined, usage_context_2: undefined }, window),
    context_key: input.context_key,
    context_path: `$.${input.context_key}`,
  }),
  // The hourly token groups per usage_context key answer the whole hours (filter-context-values.rollup.sql).
  rollups: { tables: ['gateway_lens_context_tokens_hourly'] },
  row: z.object({
    value: z.string(),
    requests: z.number().nonnegative(),
  }),
});
