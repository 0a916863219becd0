import { z } from 'zod';
import { defineQuery } from '@/lib/catalogue/define';
import { filterParams } from '@/lib/catalogue/filters';
import { BUCKETS, chooseBucket } from '@/lib/time/buckets';
import { groupingParams, groupingShape } from '@/lib/compare/grouping';

export default defineQuery({
  id: 'compare-share-over-time',
  title: 'Traffic share and latency over time per served entity',
  description: 'Estimated requests (Σ 1/sampling_fraction) and p50/p95 latency of successful requests (from ~2% latency bins, exact to the bin) per time bucket and served entity (or usage_context group).',
  params: { ...groupingShape, bucket: z.enum(BUCKETS).optional() },
  bind: (input, { window }) => ({
    ...filterParams(input, window),
    ...groupingParams(input),
    bucket: input.bucket ?? chooseBucket(window.end.getTime() - window.start.getTime()),
    // Buckets start at UTC boundaries ({{time_bucket}} reads the zone).
    tz: 'UTC',
  }),
  // Per served entity, hour and day buckets read the hourly rollups (queries/compare-share-over-time.rollup.sql).
  rollups: { tables: ['gateway_lens_hourly', 'gateway_lens_latency_hourly'], when: (params) => params.group_by === 'served_entity', whenNot: 'grouped by a usage_context key, which the hourly rollups do not keep' },
  row: z.object({
    bucket: z.iso.datetime(),
    endpoint_name: z.string(),
    group_key: z.string(),
    requests: z.number().nonnegative(),
    sampled_rows: z.number().int().nonnegative(),
    latency_rows: z.number().int().nonnegative(),
    p50_ms: z.number().nonnegative().nullable(),
    p95_ms: z.number().nonnegative().nullable(),
  }),
});
