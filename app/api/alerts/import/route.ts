import { alertsRoute } from '@/lib/alerts/api';
import { importBundle } from '@/lib/alerts/service';

export const dynamic = 'force-dynamic';

/** Imports a bundle from GET /api/alerts/export: all of it is checked before anything is written. */
export const POST = alertsRoute(async ({ ctx, viewer, body }) => ({ imported: await importBundle(ctx, viewer, body) }), { body: true });
