import { z } from 'zod';
import { defineQuery } from '@/lib/catalogue/define';
import { dayString, dimensionShape, financeParams } from '@/lib/finance/params';
import { intParam } from '@/lib/catalogue/params';

export default defineQuery({
  id: 'finance-token-trends',
  title: 'Tokens per request',
  description: 'Weighted average and p95 (from ~2% token bins: exact where a bin holds one or two counts, else within the bin) of input and output tokens per successful request per UTC day, for the top N values of the chosen dimension.',
  params: { ...dimensionShape, top_n: intParam(0, 20).default(5) },
  bind: (input, { window }) => ({ ...financeParams(input, window), top_n: input.top_n }),
  // The hourly token histograms answer the whole hours (queries/relations/token_bins.sql).
  rollups: { tables: ['gateway_lens_token_bins_hourly'] },
  row: z.object({
    day: dayString,
    series: z.string(),
    series_rank: z.number().int().positive(),
    requests: z.number().nonnegative(),
    sampled_rows: z.number().int().nonnegative(),
    avg_input_tokens: z.number().nonnegative().nullable(),
    p95_input_tokens: z.number().nonnegative().nullable(),
    avg_output_tokens: z.number().nonnegative().nullable(),
    p95_output_tokens: z.number().nonnegative().nullable(),
  }),
});
