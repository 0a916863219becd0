import { errorResponse, json, newRequestId } from '@/lib/api/respond';
import { authorizeQuery } from '@/lib/api/authorize';
import { viewerToken } from '@/lib/api/viewer';
import { InvalidParams, parseQueryInput, runQuery } from '@/lib/catalogue/run';
import { getConfig } from '@/lib/config';
import { getWarehouse } from '@/lib/engine';
import { matchesPrincipal, principals } from '@/lib/principals';
import { CATALOGUE } from '@/queries';

export const dynamic = 'force-dynamic';

const LIMIT = 20;

/**
 * Requesters of the window whose id or name contains `q` (case-insensitive), the busiest first:
 * the requester filter's search. The window and shared filters are the requester list's.
 */
export async function GET(request: Request) {
  const requestId = newRequestId();
  try {
    const config = getConfig();
    const def = CATALOGUE.requesters!;
    const access = authorizeQuery(def, request.headers, config);
    if (!access.ok) return json({ error: access.message, kind: 'permission', requestId }, 403, requestId);
    const search = new URL(request.url).searchParams;
    const q = search.get('q') ?? '';
    search.delete('q');
    if (q.length > 200) throw new InvalidParams([{ path: 'q', message: 'at most 200 characters' }]);
    const result = await runQuery(def, parseQueryInput(def, search), { signal: request.signal, userAccessToken: viewerToken(request) });
    const rows = result.rows as { requester: string; requests: number; errors: number }[];
    const named = await principals(rows.map((r) => r.requester), { config, warehouse: await getWarehouse() });
    const byId = new Map(named.map((p) => [p.id, p]));
    const matches = rows
      .map((r) => ({ ...byId.get(r.requester)!, requests: r.requests, errors: r.errors }))
      .filter((p) => matchesPrincipal(p, q))
      .slice(0, LIMIT);
    return json({ principals: matches, window: result.window, requestId }, 200, requestId);
  } catch (err) {
    return errorResponse(err, requestId, { route: 'principals-search' });
  }
}
