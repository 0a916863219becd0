import { CATALOGUE } from '@/queries';
import { errorResponse, json, newRequestId } from '@/lib/api/respond';
import { viewerToken } from '@/lib/api/viewer';
import { InvalidParams, parseQueryInput } from '@/lib/catalogue/run';
import { authorizeText, checkSearchTerms, mayReveal } from '@/lib/api/authorize';
import { getConfig } from '@/lib/config';
import { claimExportSlot, EXPORTS_PER_VIEWER, exportJsonl } from '@/lib/inspector/export';
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
    const rawMax = search.get('max_rows') ?? '1000';
    const maxRows = /^\d{1,5}$/.test(rawMax) ? Number(rawMax) : NaN;
    const reveal = search.get('reveal') === '1';
    for (const k of ['max_rows', 'reveal', 'cursor_time', 'cursor_id', 'cursor_duration', 'page_size']) search.delete(k);
    if (!(maxRows >= 1 && maxRows <= MAX_ROWS)) throw new InvalidParams([{ path: 'max_rows', message: `a whole number from 1 to ${MAX_ROWS}` }]);
    const config = getConfig();
    const access = authorizeText(request.headers, config);
    if (!access.ok) return json({ error: access.message, kind: 'permission', requestId }, 403, requestId);
    const who = access.viewer.identity;
    const revealing = reveal ? mayReveal(request.headers, config) : null;
    if (revealing && !revealing.ok) {
      logger.warn('pii.reveal_denied', { requestId, who, role: revealing.viewer.role, export: true });
      return json({ error: revealing.reason, requestId }, 403, requestId);
    }
    const def = CATALOGUE['inspector-requests']!;
    const parsed = parseQueryInput(def, search);
    const terms = checkSearchTerms(def, parsed.input, request.headers, config);
    if (terms.problems.length) return json({ error: 'Searching for personal data needs permission to reveal it', kind: 'permission', problems: terms.problems, requestId }, 403, requestId);
    const release = claimExportSlot(who);
    if (!release) {
      return json({ error: `At most ${EXPORTS_PER_VIEWER} exports run at once per viewer: wait for one to finish`, kind: 'busy', requestId }, 429, requestId, { 'retry-after': '10' });
    }
    if (reveal) logger.warn('pii.reveal', { requestId, who, export: true, filters: Object.fromEntries(search) });
    if (terms.audited.length) logger.warn('pii.search', { requestId, who, export: true, params: terms.audited });
    const stream = exportJsonl(def, parsed, { maxRows, reveal, signal: request.signal, userAccessToken: viewerToken(request), requestId, done: release });
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
