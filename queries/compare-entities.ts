import { z } from 'zod';
import { defineQuery } from '@/lib/catalogue/define';
import { filterParams } from '@/lib/catalogue/filters';
import { groupingParams, groupingShape } from '@/lib/compare/grouping';

const count = z.number().int().nonnegative();
const ms = z.number().nonnegative().nullable();

export default defineQuery({
  id: 'compare-entities',
  title: 'Served entities compared',
  description: 'Per served entity (or usage_context group): estimated requests, logged rows, errors, guardrail blocks, p50/p95/p99 latency of successful requests (from ~2% latency bins, exact to the bin), mean tokens and output tokens per second (Σ output tokens ÷ Σ execution time of the requests reporting both).',
  params: groupingShape,
  bind: (input, { window }) => ({ ...filterParams(input, window), ...groupingParams(input) }),
  // Per served entity, the hourly rollups answer the whole hours (queries/compare-entities.rollup.sql).
  rollups: { tables: ['gateway_lens_hourly', 'gateway_lens_latency_hourly'], when: (params) => params.group_by === 'served_entity', whenNot: 'grouped by a usage_context key, which the hourly rollups do not keep' },
  row: z.object({
    endpoint_name: z.string(),
    group_key: z.string(),
    served_entity_name: z.string().nullable(),
    entity_name: z.string().nullable(),
    entity_type: z.string().nullable(),
    served_entities: count,
    requests: z.number().nonnegative(),
    sampled_rows: count,
    observed_rows: count,
    error_rows: count,
    server_error_rows: count,
    blocked_rows: count,
    latency_rows: count,
    p50_ms: ms,
    p95_ms: ms,
    p99_ms: ms,
    mean_input_tokens: z.number().nonnegative().nullable(),
    mean_output_tokens: z.number().nonnegative().nullable(),
    output_tokens_per_second: z.number().nonnegative().nullable(),
    usage_rows: count,
  }),
});
