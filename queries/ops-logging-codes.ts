import { z } from 'zod';
import { defineQuery } from '@/lib/catalogue/define';
import { filterParams } from '@/lib/catalogue/filters';
import { bindBucket, bucketedShape } from '@/lib/ops/params';

export default defineQuery({
  id: 'ops-logging-codes',
  title: 'Logging error codes',
  description: 'Logged rows per bucket and logging_error_codes entry (why a request or response body is NULL).',
  params: bucketedShape,
  bind: (input, { window }) => ({ ...filterParams(input, window), ...bindBucket(input, window) }),
  row: z.object({
    bucket: z.iso.datetime(),
    code: z.string(),
    sampled_rows: z.number().int().nonnegative(),
  }),
});
