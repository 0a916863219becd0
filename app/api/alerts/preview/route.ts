import { alertsRoute } from '@/lib/alerts/api';
import { previewRule } from '@/lib/alerts/service';

export const dynamic = 'force-dynamic';

/** A rule as the editor has it: its problems, its Databricks SQL and (`?evaluate=1`) its value now. */
export const POST = alertsRoute(async ({ ctx, viewer, body, url }) => previewRule(ctx, viewer, body, { evaluate: url.searchParams.get('evaluate') === '1' }), { body: true });
