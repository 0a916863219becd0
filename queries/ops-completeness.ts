import { z } from 'zod';
import { defineQuery } from '@/lib/catalogue/define';
import { filterParams } from '@/lib/catalogue/filters';
import { bindBucket, bucketedShape } from '@/lib/ops/params';

export default defineQuery({
  id: 'ops-completeness',
  title: 'Logging completeness',
  description: 'Per bucket and status code: requests counted in endpoint_usage against requests logged in the payload tables (weighted).',
  params: bucketedShape,
  // Hour and day buckets read the hourly rollup (queries/ops-completeness.rollup.sql).
  rollups: { tables: ['gateway_lens_hourly'] },
  bind: (input, { window }) => ({ ...filterParams(input, window), ...bindBucket(input, window) }),
  row: z.object({
    bucket: z.iso.datetime(),
    status_code: z.number().int(),
    usage_requests: z.number().int().nonnegative(),
    payload_requests: z.number().nonnegative(),
  }),
});
