import { alertsRoute } from '@/lib/alerts/api';
import { deleteView, getView } from '@/lib/alerts/service';

export const dynamic = 'force-dynamic';

export const GET = alertsRoute(async ({ ctx, params }) => ({ view: await getView(ctx, params.id!) }));

export const DELETE = alertsRoute(async ({ ctx, viewer, params }) => {
  await deleteView(ctx, viewer, params.id!);
});
