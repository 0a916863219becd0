import { z } from 'zod';
import { defineQuery } from '@/lib/catalogue/define';
import { filterParams } from '@/lib/catalogue/filters';
import { BUCKETS, chooseBucket } from '@/lib/time/buckets';
import { timeZoneParam } from '@/lib/ops/params';

export const SPLITS = ['none', 'endpoint', 'served_entity', 'status'] as const;

export default defineQuery({
  id: 'requests-over-time',
  title: 'Requests per minute',
  description: 'Estimated requests (Σ 1/sampling_fraction) per time bucket and series, with the busiest minute of each bucket.',
  params: {
    bucket: z.enum(BUCKETS).optional(),
    split: z.enum(SPLITS).default('endpoint'),
    tz: timeZoneParam,
  },
  bind: (input, { window }) => ({
    ...filterParams(input, window),
    bucket: input.bucket ?? chooseBucket(window.end.getTime() - window.start.getTime()),
    split: input.split,
    tz: input.tz,
  }),
  // Same rows from the per-minute rollup (queries/requests-over-time.rollup.sql).
  rollups: { tables: ['gateway_lens_minutely'] },
  row: z.object({
    bucket: z.iso.datetime(),
    series: z.string(),
    requests: z.number().nonnegative(),
    sampled_rows: z.number().int().nonnegative(),
    peak_minute_requests: z.number().nonnegative(),
  }),
});
