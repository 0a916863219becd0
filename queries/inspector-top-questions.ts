import { z } from 'zod';
import { defineQuery } from '@/lib/catalogue/define';
import { filterParams, sqlTimestamp } from '@/lib/catalogue/filters';
import { maskColumns } from '@/lib/security/pii';
import { intParam } from '@/lib/catalogue/params';

export default defineQuery({
  id: 'inspector-top-questions',
  exposesText: true,
  title: 'Top questions',
  description: 'The most frequent last user messages in the window, grouped by their normalised text (case, end punctuation and whitespace aside), weighted by 1 / sampling_fraction, with an example request and the counts of the first and second half of the window.',
  params: {
    top_n: intParam(1, 500).default(50),
    min_count: intParam(1, 10_000).default(2),
  },
  // The questions rollup answers whole hours; the hour :mid_time falls in comes from the request texts.
  rollups: { tables: ['gateway_lens_questions_hourly'], splitAt: 'mid_time' },
  bind: (input, { window }) => ({ ...filterParams(input, window), top_n: input.top_n, min_count: input.min_count, mid_time: sqlTimestamp(new Date((window.start.getTime() + window.end.getTime()) / 2)) }),
  row: z.object({
    question_key: z.string(),
    example: z.string(),
    requests: z.number().nonnegative(),
    sampled_rows: z.number().int().nonnegative(),
    requesters: z.number().int().nonnegative(),
    endpoints: z.number().int().nonnegative(),
    first_seen: z.iso.datetime(),
    last_seen: z.iso.datetime(),
    /** Requests in the first and in the second half of the window (the trend). */
    earlier: z.number().nonnegative(),
    later: z.number().nonnegative(),
    latest_request_id: z.string(),
    latest_endpoint: z.string(),
  }),
  post: maskColumns('question_key', 'example'),
});
