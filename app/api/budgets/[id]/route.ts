import { alertsRoute } from '@/lib/alerts/api';
import { deleteBudget, updateBudget } from '@/lib/alerts/service';

export const dynamic = 'force-dynamic';

export const PATCH = alertsRoute(async ({ ctx, viewer, params, body }) => ({ budget: await updateBudget(ctx, viewer, params.id!, body) }), { body: true });

export const DELETE = alertsRoute(async ({ ctx, viewer, params }) => {
  await deleteBudget(ctx, viewer, params.id!);
});
