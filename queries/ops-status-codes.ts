import { z } from 'zod';
import { defineQuery } from '@/lib/catalogue/define';
import { filterParams } from '@/lib/catalogue/filters';

export default defineQuery({
  id: 'ops-status-codes',
  title: 'Requests by status code',
  description: 'Estimated requests per HTTP status code in the payload tables.',
  params: {},
  bind: (input, { window }) => filterParams(input, window),
  // Same rows from the hourly rollups (queries/ops-status-codes.rollup.sql).
  rollups: { tables: ['gateway_lens_hourly'] },
  row: z.object({
    status_code: z.number().int(),
    requests: z.number().nonnegative(),
    sampled_rows: z.number().int().nonnegative(),
    /** Requests endpoint_usage counted that no payload table logged (no body to open). */
    unlogged_requests: z.number().nonnegative(),
  }),
});
