import { z } from 'zod';
import { defineQuery } from '@/lib/catalogue/define';
import { sqlTimestamp } from '@/lib/catalogue/filters';
import { dayString, dimensionShape, financeParams } from '@/lib/finance/params';

export default defineQuery({
  id: 'finance-month-to-date',
  title: 'Month to date',
  description: 'Price-book cost per UTC day from the first of the month containing the window end up to that end (the range itself is ignored).',
  params: dimensionShape,
  bind: (input, { window }) => {
    // The month of the last instant inside the window, so a window ending at midnight on the 1st reports the month before.
    const last = new Date(window.end.getTime() - 1);
    const monthStart = new Date(Date.UTC(last.getUTCFullYear(), last.getUTCMonth(), 1));
    return {
      ...financeParams(input, window),
      start_time: sqlTimestamp(monthStart),
      start_date: monthStart.toISOString().slice(0, 10),
    };
  },
  // Hourly token rollups price groups of requests instead of each one (queries/relations/token_groups.sql).
  rollups: { tables: ['gateway_lens_tokens_hourly', 'gateway_lens_context_tokens_hourly'] },
  row: z.object({
    day: dayString,
    cost: z.number().nonnegative().nullable(),
    tokens: z.number().nonnegative(),
    unpriced_tokens: z.number().nonnegative(),
    requests: z.number().nonnegative(),
  }),
});
