import { CATALOGUE } from '@/queries';
import { errorResponse, json, newRequestId } from '@/lib/api/respond';
import { viewerToken } from '@/lib/api/viewer';
import { InvalidParams, parseQueryInput } from '@/lib/catalogue/run';
import { revealPolicy } from '@/lib/inspector/pii';
import { authorizeText, mayReveal } from '@/lib/api/authorize';
import { getConfig } from '@/lib/config';
import { exportJsonl } from '@/lib/inspector/export';
import { viewerEmail } from '@/lib/inspector/server';
import { logger } from '@/lib/logger';
import { now } from '@/lib/time/clock';

export const dynamic = 'force-dynamic';

const MAX_ROWS = 10_000;

/**
 * The filtered request list as JSONL in the chat fine-tuning format, one example per answered
 * request, at most `max_rows` (default 1000, up to 10 000) requests read. Masked unless revealed.
 */
export async function GET(request: Request) {
  const requestId = newRequestId();
  try {
    const search = new URL(request.url).searchParams;
    const maxRows = Number(search.get('max_rows') ?? 1000);
    const reveal = search.get('reveal') === '1';
    for (const k of ['max_rows', 'reveal', 'cursor_time', 'cursor_id', 'cursor_duration', 'page_size']) search.delete(k);
    if (!Number.isInteger(maxRows) || maxRows < 1 || maxRows > MAX_ROWS) throw new InvalidParams([{ path: 'max_rows', message: `a whole number from 1 to ${MAX_ROWS}` }]);
    const config = getConfig();
    const access = authorizeText(request.headers, config);
    if (!access.ok) return json({ error: access.message, kind: 'permission', requestId }, 403, requestId);
    const revealing = reveal ? mayReveal(request.headers, config, revealPolicy()) : null;
    if (revealing && !revealing.ok) {
      logger.warn('pii.reveal_denied', { requestId, who: viewerEmail(request), role: revealing.viewer.role, export: true });
      return json({ error: revealing.reason, requestId }, 403, requestId);
    }
    const def = CATALOGUE['inspector-requests']!;
    const parsed = parseQueryInput(def, search);
    if (reveal) logger.warn('pii.reveal', { requestId, who: viewerEmail(request), export: true, filters: Object.fromEntries(search) });
    const stream = exportJsonl(def, parsed, { maxRows, reveal, signal: request.signal, userAccessToken: viewerToken(request), requestId });
    const stamp = now().toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
    return new Response(stream, {
      headers: {
        'content-type': 'application/x-ndjson; charset=utf-8',
        'content-disposition': `attachment; filename="fine-tuning-${stamp}${reveal ? '' : '-masked'}.jsonl"`,
        'cache-control': 'no-store',
        'x-request-id': requestId,
      },
    });
  } catch (err) {
    return errorResponse(err, requestId, { route: 'inspector-export' });
  }
}
