import { z } from 'zod';
import { defineQuery } from '@/lib/catalogue/define';
import { filterParams } from '@/lib/catalogue/filters';
import { groupingParams, groupingShape } from '@/lib/compare/grouping';

export default defineQuery({
  id: 'compare-latency-histogram',
  title: 'Latency distribution per served entity',
  description: 'Successful requests per served entity (or usage_context group) in ~2% log-spaced latency buckets, with the smallest and largest value of each bucket: the input of quantile intervals and the Mann-Whitney test.',
  params: groupingShape,
  bind: (input, { window }) => ({ ...filterParams(input, window), ...groupingParams(input) }),
  // Same rows from the hourly rollups (queries/compare-latency-histogram.rollup.sql).
  rollups: { tables: ['gateway_lens_latency_hourly'], when: (params) => params.group_by === 'served_entity', whenNot: 'grouped by a usage_context key, which the latency rollup does not keep' },
  row: z.object({
    endpoint_name: z.string(),
    group_key: z.string(),
    bin: z.number().int(),
    sampled_rows: z.number().int().positive(),
    min_ms: z.number().nonnegative(),
    max_ms: z.number().nonnegative(),
  }),
});
