import { alertsRoute } from '@/lib/alerts/api';
import { createBudget, listBudgets } from '@/lib/alerts/service';

export const dynamic = 'force-dynamic';

export const GET = alertsRoute(async ({ ctx }) => ({ budgets: await listBudgets(ctx) }));

/** Creates a budget, evaluated as two alert rules (warning and exceeded). */
export const POST = alertsRoute(async ({ ctx, viewer, body }) => ({ budget: await createBudget(ctx, viewer, body) }), { body: true, status: 201 });
