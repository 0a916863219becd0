import { alertsRoute } from '@/lib/alerts/api';
import { createView, listViews } from '@/lib/alerts/service';

export const dynamic = 'force-dynamic';

/** Saved views: a name, a page path and its URL state, with owner and time. */
export const GET = alertsRoute(async ({ ctx }) => ({ views: await listViews(ctx) }));

export const POST = alertsRoute(async ({ ctx, viewer, body }) => ({ view: await createView(ctx, viewer, body) }), { body: true, status: 201 });
