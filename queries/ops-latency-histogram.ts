import { z } from 'zod';
import { defineQuery } from '@/lib/catalogue/define';
import { filterParams } from '@/lib/catalogue/filters';

export default defineQuery({
  id: 'ops-latency-histogram',
  title: 'Latency distribution',
  description: 'Estimated successful requests per execution-time bin (bins a quarter of a decade wide).',
  params: {},
  bind: (input, { window }) => filterParams(input, window),
  row: z.object({
    bin: z.number().int(),
    lower_ms: z.number().nonnegative(),
    upper_ms: z.number().nonnegative(),
    requests: z.number().nonnegative(),
    sampled_rows: z.number().int().nonnegative(),
  }),
});
