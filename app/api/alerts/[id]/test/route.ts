import { alertsRoute } from '@/lib/alerts/api';
import { testRule } from '@/lib/alerts/service';

export const dynamic = 'force-dynamic';

/** "Test now": evaluates the rule at this minute. */
export const POST = alertsRoute(async ({ ctx, viewer, params }) => testRule(ctx, viewer, params.id!));
