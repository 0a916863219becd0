import { alertsRoute } from '@/lib/alerts/api';
import { deleteRule, getRule, updateRule } from '@/lib/alerts/service';

export const dynamic = 'force-dynamic';

/** One rule: its state, firings, and the SQL Databricks runs (with current_timestamp()). */
export const GET = alertsRoute(async ({ ctx, viewer, params }) => getRule(ctx, viewer, params.id!));

/** Changes a rule: any of its fields, `paused`, or `mutedUntil` (an instant, or null to unmute). */
export const PATCH = alertsRoute(async ({ ctx, viewer, params, body }) => ({ rule: await updateRule(ctx, viewer, params.id!, body) }), { body: true });

export const DELETE = alertsRoute(async ({ ctx, viewer, params }) => {
  await deleteRule(ctx, viewer, params.id!);
});
