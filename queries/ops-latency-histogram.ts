import { z } from 'zod';
import { defineQuery } from '@/lib/catalogue/define';
import { filterParams } from '@/lib/catalogue/filters';

export default defineQuery({
  id: 'ops-latency-histogram',
  title: 'Latency distribution',
  description: 'Estimated successful requests per execution-time bin (log bins about ×1.79 wide: 29 of the latency histogram’s ~2% bins; bin -1 holds 0 ms).',
  params: {},
  bind: (input, { window }) => filterParams(input, window),
  // The hourly latency histogram answers the whole hours (queries/relations/latency_hourly.sql).
  rollups: { tables: ['gateway_lens_latency_hourly'] },
  row: z.object({
    bin: z.number().int(),
    lower_ms: z.number().nonnegative(),
    upper_ms: z.number().nonnegative(),
    requests: z.number().nonnegative(),
    sampled_rows: z.number().int().nonnegative(),
  }),
});
