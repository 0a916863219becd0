import { CATALOGUE } from '@/queries';
import { errorResponse, json, newRequestId } from '@/lib/api/respond';
import { parseQueryInput, runQuery } from '@/lib/catalogue/run';
import { viewerToken } from '@/lib/api/viewer';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const requestId = newRequestId();
  const { id } = await params;
  const def = Object.hasOwn(CATALOGUE, id) ? CATALOGUE[id] : undefined;
  if (!def) return json({ error: `Unknown query "${id}"`, requestId, known: Object.keys(CATALOGUE) }, 404, requestId);
  try {
    const parsed = parseQueryInput(def, new URL(request.url).searchParams);
    const result = await runQuery(def, parsed, { signal: request.signal, userAccessToken: viewerToken(request) });
    return json({ ...result, requestId }, 200, requestId);
  } catch (err) {
    return errorResponse(err, requestId, { queryId: id });
  }
}
