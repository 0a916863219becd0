import { z } from 'zod';
import { defineQuery } from '@/lib/catalogue/define';
import { filterParams } from '@/lib/catalogue/filters';
import { maskColumns } from '@/lib/security/pii';
import { intParam } from '@/lib/catalogue/params';

export default defineQuery({
  id: 'compare-side-by-side',
  exposesText: true,
  title: 'Same message, different served entities',
  description: 'For up to max_messages questions answered successfully by more than one served entity in the window (grouped as top questions group them: case, end punctuation and whitespace aside), the latest answer of each entity, as the one payload interpretation reads question and answer (each at most 1,000 characters).',
  params: { max_messages: intParam(1, 20).default(6) },
  // The questions rollup answers whole hours; only the chosen requests' bodies are read.
  rollups: { tables: ['gateway_lens_questions_hourly'] },
  // Every entity of the endpoint takes part, whatever entity the filter bar has chosen.
  bind: (input, { window }) => ({ ...filterParams({ ...input, served_entity: undefined }, window), max_messages: input.max_messages }),
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
