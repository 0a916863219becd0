import { z } from 'zod';
import { can } from '@/lib/access';
import { alertsRoute } from '@/lib/alerts/api';
import { alertsRuntime } from '@/lib/alerts/runtime';
import { AlertsError, parseBody } from '@/lib/alerts/service';
import { REPLAYABLE, type ReplayKind } from '@/lib/demo/live';

export const dynamic = 'force-dynamic';

const Replay = z.object({
  kind: z.enum(Object.keys(REPLAYABLE) as [ReplayKind, ...ReplayKind[]]),
  minutes: z.number().int().min(1).max(24 * 60).optional(),
}).strict();

/** The live demo: where its feed stands, its incidents, and what can be replayed. */
export const GET = alertsRoute(async ({ config }) => {
  const live = (await alertsRuntime(config)).live;
  return {
    live: Boolean(live),
    fedUntil: live ? (await live.fedUntil()).toISOString() : null,
    incidents: live ? await live.incidents() : [],
    replayable: Object.entries(REPLAYABLE).map(([kind, r]) => ({ kind, minutes: r.minutes, what: r.what })),
  };
});

/** Replays an incident from this minute on (the live demo only): `{ kind, minutes? }`. */
export const POST = alertsRoute(async ({ ctx, viewer, config, body }) => {
  const req = parseBody(Replay, body);
  if (!can(viewer, 'manage_alerts')) throw new AlertsError(403, `Your role (${viewer.role}) may not replay incidents`);
  const live = (await alertsRuntime(config)).live;
  if (!live) throw new AlertsError(409, 'The demo does not live here (DEMO_LIVE is off, or the data is not the generated demo): nothing to replay into');
  return { incident: await live.replay(req.kind, ctx.now(), req.minutes) };
}, { body: true, status: 201 });
