import { z } from 'zod';
import { defineQuery } from '@/lib/catalogue/define';
import { filterParams } from '@/lib/catalogue/filters';
import { intParam } from '@/lib/catalogue/params';
import { perRequestPriceParams } from '@/lib/finance/params';

export const CONVERSATION_SORTS = ['recent', 'tokens', 'cost'] as const;

export default defineQuery({
  id: 'inspector-conversations',
  // The thread key of a conversation without an id is built from its first message.
  exposesText: true,
  title: 'Conversations',
  description: 'Conversations in the window by the thread rule of the request detail (conversation id, agent context, client_request_id, else requester + endpoint + day + first message): turns, first/last time, tokens and cost; most recent, most tokens or dearest first.',
  params: {
    sort: z.enum(CONVERSATION_SORTS).default('recent'),
    min_turns: intParam(1, 10_000).default(1),
    top_n: intParam(1, 500).default(100),
  },
  // Cost per request as finance prices it.
  bind: (input, { window }) => ({ ...filterParams(input, window), ...perRequestPriceParams(), sort: input.sort, min_turns: input.min_turns, top_n: input.top_n }),
  // The hourly conversation groups choose the most recent conversations (queries/relations/threads_hourly.sql).
  rollups: { tables: ['gateway_lens_threads_hourly'] },
  row: z.object({
    thread_id: z.string().regex(/^[0-9a-f]{32}$/),
    thread_source: z.string(),
    turns: z.number().int().positive(),
    first_seen: z.iso.datetime(),
    last_seen: z.iso.datetime(),
    endpoints: z.number().int().positive(),
    requester: z.string().nullable(),
    tokens: z.number().nonnegative(),
    /** Null when no turn of the conversation is priced. */
    cost: z.number().nullable(),
    priced_turns: z.number().int().nonnegative(),
    latest_request_id: z.string(),
    latest_endpoint: z.string(),
  }),
});
