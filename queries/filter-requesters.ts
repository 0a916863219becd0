import { z } from 'zod';
import { defineQuery } from '@/lib/catalogue/define';
import { filterParams } from '@/lib/catalogue/filters';

export default defineQuery({
  id: 'filter-requesters',
  title: 'Requesters',
  description: 'Requesters with requests in the window (estimated, Σ 1/sampling_fraction), busiest first, up to 500: the filter bar’s choices. A chosen requester does not narrow its own list.',
  params: {},
  bind: (input, { window }) => filterParams({ ...input, requester: undefined }, window),
  row: z.object({
    requester: z.string(),
    requests: z.number().nonnegative(),
    last_seen: z.iso.datetime(),
  }),
});
