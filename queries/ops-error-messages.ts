import { z } from 'zod';
import { defineQuery } from '@/lib/catalogue/define';
import { filterParams } from '@/lib/catalogue/filters';
import { ERROR_CATEGORIES } from '@/lib/ops/error-categories';
import { maskColumns } from '@/lib/security/pii';

export default defineQuery({
  id: 'ops-error-messages',
  exposesText: true,
  title: 'Top error messages',
  description: 'The 50 most frequent error messages (ids and numbers folded) with counts, first/last seen and example request ids.',
  params: {},
  bind: (input, { window }) => filterParams(input, window),
  // The hourly error message groups answer the whole hours (queries/relations/error_messages_hourly.sql).
  rollups: { tables: ['gateway_lens_error_messages_hourly'] },
  row: z.object({
    message_pattern: z.string(),
    category: z.enum(ERROR_CATEGORIES),
    requests: z.number().nonnegative(),
    sampled_rows: z.number().int().nonnegative(),
    first_seen: z.iso.datetime(),
    last_seen: z.iso.datetime(),
    example_request_id: z.string(),
    other_example_request_id: z.string(),
    example_endpoint: z.string(),
    other_example_endpoint: z.string(),
  }),
  post: maskColumns('message_pattern'),
});
