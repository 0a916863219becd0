import { z } from 'zod';
import { defineQuery } from '@/lib/catalogue/define';
import { filterParams } from '@/lib/catalogue/filters';
import { maskColumns } from '@/lib/security/pii';

const text = z.string().nullable();

export default defineQuery({
  id: 'inspector-thread',
  exposesText: true,
  title: 'Conversation',
  description: 'The requests of one conversation (thread id from the request detail), oldest first, at most 500; without a key, the newest conversation in the window.',
  params: { thread: z.preprocess((v) => (v === '' ? undefined : v), z.string().regex(/^[0-9a-f]{32}$/, 'expected a thread id from the request detail').optional()) },
  bind: (input, { window }) => ({ ...filterParams(input, window), thread: input.thread ?? null }),
  row: z.object({
    thread_id: z.string(),
    thread_source: z.string(),
    endpoint_name: z.string(),
    databricks_request_id: z.string(),
    request_time: z.iso.datetime(),
    status_code: z.number().int().nullable(),
    execution_duration_ms: z.number().int().nullable(),
    served_entity_id: text,
    requester: text,
    history_messages: z.number().int().nullable(),
    last_role: text,
    last_user_message: text,
    answer_preview: text,
  }),
  post: maskColumns('last_user_message', 'answer_preview'),
});
