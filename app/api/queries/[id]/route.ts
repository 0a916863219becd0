import { CATALOGUE } from '@/queries';
import { errorResponse, json, newRequestId } from '@/lib/api/respond';
import { describePlan, InvalidParams, parseQueryInput, runQuery } from '@/lib/catalogue/run';
import { csvResponse } from '@/lib/api/csv-response';
import { viewerToken } from '@/lib/api/viewer';
import { authorizeQuery, checkSearchTerms } from '@/lib/api/authorize';
import { getConfig } from '@/lib/config';
import { logger } from '@/lib/logger';
import { serverTiming } from '@/lib/api/server-timing';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const received = performance.now();
  const requestId = newRequestId();
  const { id } = await params;
  const def = Object.hasOwn(CATALOGUE, id) ? CATALOGUE[id] : undefined;
  if (!def) return json({ error: `Unknown query "${id}"`, requestId, known: Object.keys(CATALOGUE) }, 404, requestId);
  try {
    const config = getConfig();
    const access = authorizeQuery(def, request.headers, config);
    if (!access.ok) return json({ error: access.message, kind: 'permission', requestId }, 403, requestId);
    const search = new URL(request.url).searchParams;
    const format = search.get('format') ?? 'json';
    search.delete('format');
    if (format !== 'json' && format !== 'csv') throw new InvalidParams([{ path: 'format', message: 'expected json or csv' }]);
    const parsed = parseQueryInput(def, search);
    const terms = checkSearchTerms(def, parsed.input, request.headers, config);
    if (terms.problems.length) return json({ error: 'Searching for personal data needs permission to reveal it', kind: 'permission', problems: terms.problems, requestId }, 403, requestId);
    if (terms.audited.length) logger.warn('pii.search', { requestId, who: access.viewer.identity, queryId: id, params: terms.audited });
    const started = performance.now();
    const result = await runQuery(def, parsed, { signal: request.signal, userAccessToken: viewerToken(request) });
    const page = def.page ? def.page(result.rows as never, parsed.input as never) : null;
    const rows = page ? page.rows : result.rows;
    logger.info('query.ok', { requestId, queryId: id, engine: result.engine, source: result.source, plan: describePlan(result.plan), engineMs: Math.round(result.durationMs), totalMs: Math.round(performance.now() - started), rows: rows.length, format });
    if (format === 'csv') return csvResponse(def, rows, requestId);
    const response = json({ ...result, rows, input: parsed.input, ...(page ? { next: page.next } : {}), requestId }, 200, requestId);
    // The handler's own time (JSON included) beside the engine's: what is left of a call's wall time is Next.js and HTTP.
    response.headers.set('server-timing', serverTiming(result.durationMs, performance.now() - received));
    return response;
  } catch (err) {
    return errorResponse(err, requestId, { queryId: id });
  }
}
