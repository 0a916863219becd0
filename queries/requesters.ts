import { z } from 'zod';
import { defineQuery } from '@/lib/catalogue/define';
import { filterParams } from '@/lib/catalogue/filters';

export default defineQuery({
  id: 'requesters',
  title: 'Requesters in the window',
  description: 'Up to 500 requesters (users by e-mail, service principals by application id) with their requests and errors, the busiest first; /api/principals/search adds their names.',
  params: {},
  // The requester filter lists every sender, not only the one already chosen.
  bind: (input, { window }) => ({ ...filterParams({ ...input, requester: undefined }, window) }),
  row: z.object({
    requester: z.string(),
    requests: z.number().nonnegative(),
    errors: z.number().nonnegative(),
  }),
});
