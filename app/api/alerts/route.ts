import { alertsRoute } from '@/lib/alerts/api';
import { createRule, listRules } from '@/lib/alerts/service';

export const dynamic = 'force-dynamic';

/** Every alert rule the viewer may see, with its state, last evaluation and recent firings. */
export const GET = alertsRoute(async ({ ctx, viewer, config }) => ({
  now: ctx.now().toISOString(),
  engine: config.engine,
  evaluator: config.engine === 'duckdb' ? (config.alerts.evaluator ? 'on' : 'off') : 'databricks',
  demoLive: config.demoLive,
  rules: await listRules(ctx, viewer),
}));

/** Creates a rule (and, on Databricks, its SQL alert). */
export const POST = alertsRoute(async ({ ctx, viewer, body }) => ({ rule: await createRule(ctx, viewer, body) }), { body: true, status: 201 });
