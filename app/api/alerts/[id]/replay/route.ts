import { alertsRoute } from '@/lib/alerts/api';
import { replayRule } from '@/lib/alerts/service';

export const dynamic = 'force-dynamic';

/** Evaluates the rule at every scheduled instant of a past period, `{ from, to, notify? }`, and keeps its firings. */
export const POST = alertsRoute(async ({ ctx, viewer, params, body }) => replayRule(ctx, viewer, params.id!, body), { body: true });
