import { CATALOGUE } from '@/queries';
import { errorResponse, json, newRequestId } from '@/lib/api/respond';
import { InvalidParams, parseQueryInput, runQuery } from '@/lib/catalogue/run';
import { csvResponse } from '@/lib/api/csv-response';
import { viewerToken } from '@/lib/api/viewer';
import { authorizeQuery } from '@/lib/api/authorize';
import { getConfig } from '@/lib/config';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const requestId = newRequestId();
  const { id } = await params;
  const def = Object.hasOwn(CATALOGUE, id) ? CATALOGUE[id] : undefined;
  if (!def) return json({ error: `Unknown query "${id}"`, requestId, known: Object.keys(CATALOGUE) }, 404, requestId);
  try {
    const access = authorizeQuery(def, request.headers, getConfig());
    if (!access.ok) return json({ error: access.message, kind: 'permission', requestId }, 403, requestId);
    const search = new URL(request.url).searchParams;
    const format = search.get('format') ?? 'json';
    search.delete('format');
    if (format !== 'json' && format !== 'csv') throw new InvalidParams([{ path: 'format', message: 'expected json or csv' }]);
    const parsed = parseQueryInput(def, search);
    const result = await runQuery(def, parsed, { signal: request.signal, userAccessToken: viewerToken(request) });
    if (format === 'csv') return csvResponse(def, result.rows, requestId);
    return json({ ...result, requestId }, 200, requestId);
  } catch (err) {
    return errorResponse(err, requestId, { queryId: id });
  }
}
