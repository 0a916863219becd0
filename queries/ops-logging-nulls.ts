import { z } from 'zod';
import { defineQuery } from '@/lib/catalogue/define';
import { filterParams } from '@/lib/catalogue/filters';
import { bindBucket, bucketedShape } from '@/lib/ops/params';

export default defineQuery({
  id: 'ops-logging-nulls',
  title: 'Rows with NULL bodies',
  description: 'Logged rows per bucket, and how many have a NULL request or response body.',
  params: bucketedShape,
  bind: (input, { window }) => ({ ...filterParams(input, window), ...bindBucket(input, window) }),
  // Same rows from the hourly rollups (queries/ops-logging-nulls.rollup.sql).
  rollups: { tables: ['gateway_lens_hourly'] },
  row: z.object({
    bucket: z.iso.datetime(),
    sampled_rows: z.number().int().nonnegative(),
    null_request_rows: z.number().int().nonnegative(),
    null_response_rows: z.number().int().nonnegative(),
  }),
});
