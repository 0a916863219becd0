import { z } from 'zod';
import { defineQuery } from '@/lib/catalogue/define';
import { filterParams } from '@/lib/catalogue/filters';
import { ERROR_CATEGORIES } from '@/lib/ops/error-categories';

export default defineQuery({
  id: 'ops-error-taxonomy',
  title: 'Error taxonomy',
  description: 'Estimated failed requests by category (guardrail, rate limit, provider, 5xx, 4xx), detail and status code, read from the response bodies.',
  params: {},
  bind: (input, { window }) => filterParams(input, window),
  // The hourly error message groups answer the whole hours (queries/relations/error_messages_hourly.sql).
  rollups: { tables: ['gateway_lens_error_messages_hourly'] },
  row: z.object({
    category: z.enum(ERROR_CATEGORIES),
    detail: z.string(),
    status_code: z.number().int(),
    requests: z.number().nonnegative(),
    sampled_rows: z.number().int().nonnegative(),
    first_seen: z.iso.datetime(),
    last_seen: z.iso.datetime(),
  }),
});
