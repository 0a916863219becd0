import { z } from 'zod';
import { defineQuery } from '@/lib/catalogue/define';
import { filterParams } from '@/lib/catalogue/filters';

export default defineQuery({
  id: 'ops-slowest-requests',
  title: 'Slowest requests',
  description: 'The 25 logged requests with the longest execution_duration_ms in the window.',
  params: {},
  bind: (input, { window }) => filterParams(input, window),
  row: z.object({
    databricks_request_id: z.string(),
    endpoint_name: z.string(),
    served_entity: z.string().nullable(),
    request_time: z.iso.datetime(),
    status_code: z.number().int(),
    execution_duration_ms: z.number().nonnegative(),
    requester: z.string().nullable(),
    output_tokens: z.number().int().nullable(),
  }),
});
