import { z } from 'zod';
import { defineQuery } from '@/lib/catalogue/define';
import { filterParams } from '@/lib/catalogue/filters';
import { maskColumns } from '@/lib/security/pii';
import { intParam } from '@/lib/catalogue/params';

/** How many of each entity's latest successful requests are parsed for matching messages. */
export const ROWS_PER_ENTITY = 5000;

export default defineQuery({
  id: 'compare-side-by-side',
  exposesText: true,
  title: 'Same message, different served entities',
  description: 'For up to max_messages user messages answered by more than one served entity, the latest successful answer of each entity, as the one payload interpretation reads question and answer (each at most 1,000 characters).',
  params: { max_messages: intParam(1, 20).default(6) },
  // Every entity of the endpoint takes part, whatever entity the filter bar has chosen.
  bind: (input, { window }) => ({ ...filterParams({ ...input, served_entity: undefined }, window), max_messages: input.max_messages, rows_per_entity: ROWS_PER_ENTITY }),
  row: z.object({
    pick: z.number().int().positive(),
    endpoint_name: z.string(),
    entities: z.number().int().positive(),
    asked_rows: z.number().int().positive(),
    served_entity_id: z.string(),
    served_entity_name: z.string().nullable(),
    entity_name: z.string().nullable(),
    databricks_request_id: z.string(),
    request_time: z.iso.datetime(),
    execution_duration_ms: z.number().nonnegative().nullable(),
    n_messages: z.number().int().positive(),
    user_text: z.string(),
    answer_text: z.string().nullable(),
    tool_call: z.string().nullable(),
    output_tokens: z.number().int().nonnegative().nullable(),
  }),
  post: maskColumns('user_text', 'answer_text', 'tool_call'),
});
