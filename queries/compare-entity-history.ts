import { z } from 'zod';
import { defineQuery } from '@/lib/catalogue/define';

export default defineQuery({
  id: 'compare-entity-history',
  title: 'Served entity configuration history',
  description: 'Every served_entities row of the endpoint (one per configuration change), flagging the latest row of each served entity.',
  params: {},
  // History is not limited to the window: earlier config versions are what the page notes.
  bind: (input) => ({ endpoint: input.endpoint ?? null }),
  row: z.object({
    endpoint_name: z.string(),
    served_entity_id: z.string(),
    served_entity_name: z.string().nullable(),
    entity_type: z.string().nullable(),
    entity_name: z.string().nullable(),
    entity_version: z.string().nullable(),
    endpoint_config_version: z.number().int().nullable(),
    created_by: z.string().nullable(),
    change_time: z.iso.datetime(),
    endpoint_delete_time: z.iso.datetime().nullable(),
    is_latest: z.boolean(),
  }),
});
