import { alertsRoute } from '@/lib/alerts/api';
import { exportBundle } from '@/lib/alerts/service';

export const dynamic = 'force-dynamic';

/** Every rule, budget and saved view as one JSON bundle (what POST /api/alerts/import takes). */
export const GET = alertsRoute(async ({ ctx, viewer, requestId }) => {
  const bundle = await exportBundle(ctx, viewer);
  return new Response(JSON.stringify(bundle, null, 2), {
    headers: {
      'content-type': 'application/json',
      'content-disposition': `attachment; filename="gateway-lens-alerts-${bundle.exportedAt!.slice(0, 10)}.json"`,
      'cache-control': 'no-store',
      'x-request-id': requestId,
    },
  });
});
