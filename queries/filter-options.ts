import { z } from 'zod';
import { defineQuery } from '@/lib/catalogue/define';
import { filterParams } from '@/lib/catalogue/filters';

export default defineQuery({
  id: 'filter-options',
  title: 'Endpoints and served entities',
  description: 'The endpoints and served entities with traffic in the window, for the filter bar.',
  params: {},
  // The filter bar lists every entity of the endpoint, not only the one already chosen.
  bind: (input, { window }) => ({ ...filterParams({ endpoint: input.endpoint }, window) }),
  // Same rows from the hourly rollups (queries/filter-options.rollup.sql).
  rollups: { tables: ['gateway_lens_hourly'] },
  row: z.object({
    endpoint_name: z.string(),
    served_entity_id: z.string().nullable(),
    served_entity_name: z.string().nullable(),
    entity_name: z.string().nullable(),
    sampled_rows: z.number().int().nonnegative(),
  }),
});
