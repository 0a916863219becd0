import { z } from 'zod';
import { defineQuery } from '@/lib/catalogue/define';
import { sqlTimestamp } from '@/lib/catalogue/filters';
import { FRESHNESS_LOOKBACK_MS } from './ops-freshness';
import { nowMs } from '@/lib/time/clock';

export default defineQuery({
  id: 'ops-usage-freshness',
  title: 'endpoint_usage freshness',
  description: 'The latest request_time in system.serving.endpoint_usage within the last three days.',
  params: {},
  bind: () => ({ recent_time: sqlTimestamp(new Date(nowMs() - FRESHNESS_LOOKBACK_MS)) }),
  row: z.object({
    latest_request_time: z.iso.datetime().nullable(),
    recent_rows: z.number().int().nonnegative(),
  }),
});
