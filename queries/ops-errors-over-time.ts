import { z } from 'zod';
import { defineQuery } from '@/lib/catalogue/define';
import { filterParams } from '@/lib/catalogue/filters';
import { bindBucket, bucketedShape } from '@/lib/ops/params';
import { ERROR_CATEGORIES } from '@/lib/ops/error-categories';

export default defineQuery({
  id: 'ops-errors-over-time',
  title: 'Errors over time',
  description: 'Estimated requests per bucket and outcome (ok or an error category from the response body).',
  params: bucketedShape,
  bind: (input, { window }) => ({ ...filterParams(input, window), ...bindBucket(input, window) }),
  // Same rows from the hourly rollups (queries/ops-errors-over-time.rollup.sql).
  rollups: { tables: ['gateway_lens_hourly'] },
  row: z.object({
    bucket: z.iso.datetime(),
    category: z.enum(['ok', ...ERROR_CATEGORIES]),
    requests: z.number().nonnegative(),
    sampled_rows: z.number().int().nonnegative(),
    /** Requests endpoint_usage counted that no payload table logged (no body to open). */
    unlogged_requests: z.number().nonnegative(),
  }),
});
