import { z } from 'zod';
import { defineQuery } from '@/lib/catalogue/define';
import { filterParams } from '@/lib/catalogue/filters';

export const BREAKDOWNS = ['requester', 'usage_context', 'input_size'] as const;

export default defineQuery({
  id: 'ops-errors-breakdown',
  title: 'Errors by requester, usage context or input size',
  description: 'Estimated requests, errors and error rate per requester, per value of one usage_context key, or per request-size bucket (top 20 by errors).',
  params: {
    by: z.enum(BREAKDOWNS).default('requester'),
    context_key: z.string().regex(/^[A-Za-z0-9_]{1,64}$/, 'expected a usage_context key (letters, digits and _)').default('project'),
  },
  // The JSON path is built from a validated key and bound as a value.
  bind: (input, { window }) => ({ ...filterParams(input, window), by: input.by, context_key: input.context_key, context_path: `$.${input.context_key}` }),
  row: z.object({
    group_value: z.string(),
    sort_key: z.number().int(),
    requests: z.number().nonnegative(),
    errors: z.number().nonnegative(),
    rate_limited: z.number().nonnegative(),
    server_errors: z.number().nonnegative(),
    /** Errors endpoint_usage counted that no payload table logged (no body to open). */
    unlogged_errors: z.number().nonnegative(),
    error_rate: z.number().min(0).max(1).nullable(),
  }),
});
