import { z } from 'zod';
import { defineQuery } from '@/lib/catalogue/define';
import { dayString, financeParams } from '@/lib/finance/params';

export default defineQuery({
  id: 'finance-reconciliation',
  title: 'Billed vs estimated cost',
  description: 'Per endpoint per UTC day: Model Serving cost billed in system.billing.usage at list price (when BILLING_USAGE_TABLE and BILLING_LIST_PRICES_TABLE are set) beside the token-estimated cost.',
  params: {},
  bind: (input, { window }) => financeParams({ ...input, dimension: 'endpoint', context_key: 'end_user_to_charge' }, window),
  // Hourly token rollups price groups of requests instead of each one (queries/relations/token_groups.sql).
  rollups: { tables: ['gateway_lens_tokens_hourly', 'gateway_lens_context_tokens_hourly'] },
  row: z.object({
    day: dayString,
    endpoint_name: z.string().nullable(),
    estimated_cost: z.number().nonnegative().nullable(),
    currency: z.string(),
    unpriced_tokens: z.number().nonnegative().nullable(),
    billed_cost: z.number().nullable(),
    billed_currency: z.string().nullable(),
    difference: z.number().nullable(),
  }),
});
