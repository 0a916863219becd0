import { errorResponse, json, newRequestId } from '@/lib/api/respond';
import { viewerToken } from '@/lib/api/viewer';
import { loadDetail, parseLookup } from '@/lib/inspector/server';
import { authorizeText, mayReveal } from '@/lib/api/authorize';
import { getConfig } from '@/lib/config';

export const dynamic = 'force-dynamic';

/** Metadata of one logged request; the bodies come from ./payload, on demand. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const requestId = newRequestId();
  const { id } = await params;
  try {
    const config = getConfig();
    const access = authorizeText(request.headers, config);
    if (!access.ok) return json({ error: access.message, kind: 'permission', requestId }, 403, requestId);
    const lookup = parseLookup(id, new URL(request.url).searchParams);
    const result = await loadDetail(lookup, { signal: request.signal, userAccessToken: viewerToken(request) });
    if (!result.row) return json({ error: 'No logged request with this id in the searched window', requestId }, 404, requestId);
    return json({ ...result, revealAllowed: mayReveal(request.headers, config).ok, requestId }, 200, requestId);
  } catch (err) {
    return errorResponse(err, requestId, { route: 'inspector-detail' });
  }
}
