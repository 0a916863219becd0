import { alertsRoute } from '@/lib/alerts/api';
import { listDestinations } from '@/lib/alerts/service';

export const dynamic = 'force-dynamic';

/** Where notifications can go: the workspace's notification destinations, or the configured webhooks. */
export const GET = alertsRoute(async ({ ctx }) => ({ destinations: await listDestinations(ctx) }));
