import { z } from 'zod';
import { defineQuery } from '@/lib/catalogue/define';
import { filterParams } from '@/lib/catalogue/filters';
import { maskColumns } from '@/lib/security/pii';
import { intParam } from '@/lib/catalogue/params';

export default defineQuery({
  id: 'inspector-top-questions',
  exposesText: true,
  title: 'Top questions',
  description: 'The most frequent last user messages (lowercased, trimmed) in the window, weighted by 1 / sampling_fraction, with an example request.',
  params: {
    top_n: intParam(1, 500).default(50),
    min_count: intParam(1, 10_000).default(2),
  },
  bind: (input, { window }) => ({ ...filterParams(input, window), top_n: input.top_n, min_count: input.min_count }),
  row: z.object({
    question_key: z.string(),
    example: z.string(),
    requests: z.number().nonnegative(),
    sampled_rows: z.number().int().nonnegative(),
    requesters: z.number().int().nonnegative(),
    endpoints: z.number().int().nonnegative(),
    first_seen: z.iso.datetime(),
    last_seen: z.iso.datetime(),
    latest_request_id: z.string(),
    latest_endpoint: z.string(),
  }),
  post: maskColumns('question_key', 'example'),
});
