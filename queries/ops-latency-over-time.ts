import { z } from 'zod';
import { defineQuery } from '@/lib/catalogue/define';
import { filterParams } from '@/lib/catalogue/filters';
import { bindBucket, bucketedShape } from '@/lib/ops/params';

export const LATENCY_SPLITS = ['none', 'endpoint', 'served_entity'] as const;

export default defineQuery({
  id: 'ops-latency-over-time',
  title: 'Latency percentiles over time',
  description: 'p50/p95/p99 execution_duration_ms of successful requests per bucket and series, from ~2% latency bins (exact to the bin), and output tokens per second (Σ output tokens ÷ Σ execution time) where known.',
  params: { ...bucketedShape, split: z.enum(LATENCY_SPLITS).default('none') },
  bind: (input, { window }) => ({ ...filterParams(input, window), ...bindBucket(input, window), split: input.split }),
  // Hour and day buckets merge the hourly latency histograms (queries/relations/latency_rows.sql).
  rollups: { tables: ['gateway_lens_latency_hourly'] },
  row: z.object({
    bucket: z.iso.datetime(),
    series: z.string(),
    sampled_rows: z.number().int().nonnegative(),
    p50_ms: z.number().nonnegative(),
    p95_ms: z.number().nonnegative(),
    p99_ms: z.number().nonnegative(),
    output_tokens_per_s: z.number().nonnegative().nullable(),
  }),
});
