import { z } from 'zod';
import { defineQuery } from '@/lib/catalogue/define';
import { filterParams, sqlTimestamp } from '@/lib/catalogue/filters';

export default defineQuery({
  id: 'ops-kpis',
  title: 'Ops KPIs',
  description: 'Requests (exact where endpoint_usage counted them), peak-minute requests, error rate and p50/p95/p99 execution time (from ~2% latency bins) for the window ("current") and the equally long period before it ("previous").',
  params: {},
  bind: (input, { window }) => {
    const length = window.end.getTime() - window.start.getTime();
    // The filters cover both periods; :current_start tells them apart.
    const span = { start: new Date(window.start.getTime() - length), end: window.end };
    return { ...filterParams(input, span), current_start: sqlTimestamp(window.start) };
  },
  // Same rows from the rollup tables (queries/ops-kpis.rollup.sql); the hour the periods meet in comes from requests.
  rollups: { tables: ['gateway_lens_hourly', 'gateway_lens_minutely', 'gateway_lens_latency_hourly'], splitAt: 'current_start' },
  row: z.object({
    period: z.enum(['current', 'previous']),
    requests: z.number().nonnegative(),
    sampled_rows: z.number().int().nonnegative(),
    /** Requests endpoint_usage counted one by one (exact). */
    exact_requests: z.number().nonnegative(),
    /** What the logged rows alone estimate (1 / sampling_fraction each). */
    payload_requests: z.number().nonnegative(),
    errors: z.number().nonnegative(),
    peak_minute_requests: z.number().nonnegative(),
    p50_ms: z.number().nullable(),
    p95_ms: z.number().nullable(),
    p99_ms: z.number().nullable(),
  }),
});
