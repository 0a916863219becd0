import { z } from 'zod';
import { defineQuery } from '@/lib/catalogue/define';
import { sqlTimestamp } from '@/lib/catalogue/filters';
import { DAY_MS } from '@/lib/time/ranges';
import { nowMs } from '@/lib/time/clock';

/** How far back freshness looks; a table silent for longer shows as "no rows in 3 days". */
export const FRESHNESS_LOOKBACK_MS = 3 * DAY_MS;

export default defineQuery({
  id: 'ops-freshness',
  title: 'Data freshness',
  description: 'The latest request_time per payload table within the last three days, whatever the chosen range.',
  params: {},
  bind: (input) => {
    const since = new Date(nowMs() - FRESHNESS_LOOKBACK_MS);
    return { recent_date: since.toISOString().slice(0, 10), recent_time: sqlTimestamp(since), endpoint: input.endpoint ?? null };
  },
  row: z.object({
    endpoint_name: z.string(),
    latest_request_time: z.iso.datetime(),
    recent_rows: z.number().int().nonnegative(),
  }),
});
