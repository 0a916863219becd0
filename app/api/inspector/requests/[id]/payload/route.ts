import { errorResponse, json, newRequestId } from '@/lib/api/respond';
import { viewerToken } from '@/lib/api/viewer';
import { logger } from '@/lib/logger';
import { loadPayload, parseLookup } from '@/lib/inspector/server';
import { maskJsonText } from '@/lib/security/pii';
import { authorizeText, mayReveal } from '@/lib/api/authorize';
import { getConfig } from '@/lib/config';

export const dynamic = 'force-dynamic';

/**
 * The request and response bodies, masked unless the viewer reveals them (`reveal=1`), which
 * PII_REVEAL must allow and which is written to the log with who and which request.
 * `download=request|response` sends one body as a file.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const requestId = newRequestId();
  const { id } = await params;
  try {
    const search = new URL(request.url).searchParams;
    const reveal = search.get('reveal') === '1';
    const download = search.get('download');
    if (download !== null && download !== 'request' && download !== 'response') {
      return json({ error: 'Invalid parameters', problems: [{ path: 'download', message: 'expected request or response' }], requestId }, 400, requestId);
    }
    const config = getConfig();
    const access = authorizeText(request.headers, config);
    if (!access.ok) return json({ error: access.message, kind: 'permission', requestId }, 403, requestId);
    const lookup = parseLookup(id, search);
    const revealing = reveal ? mayReveal(request.headers, config) : null;
    if (revealing && !revealing.ok) {
      logger.warn('pii.reveal_denied', { requestId, who: revealing.viewer.identity, role: revealing.viewer.role, databricksRequestId: id, endpoint: lookup.endpoint });
      return json({ error: revealing.reason, requestId }, 403, requestId);
    }
    const result = await loadPayload(lookup, { signal: request.signal, userAccessToken: viewerToken(request) });
    if (!result.row) return json({ error: 'No logged request with this id in the searched window', requestId }, 404, requestId);
    if (reveal) logger.warn('pii.reveal', { requestId, who: access.viewer.identity, databricksRequestId: id, endpoint: lookup.endpoint, download });
    const body = (v: unknown) => (typeof v === 'string' ? (reveal ? v : maskJsonText(v)) : null);
    const req = body(result.row.request);
    const res = body(result.row.response);
    if (download) {
      const text = download === 'request' ? req : res;
      return new Response(text ?? '', {
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'content-disposition': `attachment; filename="${id}-${download}${reveal ? '' : '-masked'}.json"`,
          'cache-control': 'no-store',
          'x-request-id': requestId,
        },
      });
    }
    return json({ request: req, response: res, statusCode: result.row.status_code, loggingErrorCodes: result.row.logging_error_codes, masked: !reveal, durationMs: result.durationMs, requestId }, 200, requestId);
  } catch (err) {
    return errorResponse(err, requestId, { route: 'inspector-payload' });
  }
}
