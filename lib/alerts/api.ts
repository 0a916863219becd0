import 'server-only';
import { viewerOf, type Viewer } from '@/lib/access';
import { errorResponse, json, newRequestId } from '@/lib/api/respond';
import { getConfig, type AppConfig } from '@/lib/config';
import { NotAlertable } from '@/lib/catalogue/unattended';
import { resolveTables } from '@/lib/catalogue/tables';
import { logger } from '@/lib/logger';
import { now } from '@/lib/time/clock';
import { getWarehouse } from '@/lib/engine';
import { DatabricksApiError, workspaceApi } from './databricks';
import { alertsRuntime } from './runtime';
import { AlertsError, type AlertsContext } from './service';
import { StoreUnavailable } from './store';

/** Largest request body the alerts routes read (an import bundle of a few thousand items). */
const MAX_BODY = 1_000_000;

export interface Call { ctx: AlertsContext; viewer: Viewer; config: AppConfig; requestId: string; body: unknown; url: URL; params: Record<string, string> }

export async function alertsContext(config: AppConfig): Promise<AlertsContext> {
  const [warehouse, runtime] = await Promise.all([getWarehouse(), alertsRuntime(config)]);
  return { config, store: runtime.store, warehouse, tables: () => resolveTables(config, warehouse), api: workspaceApi(config), evaluator: runtime.evaluator, now };
}

/** Reads a JSON body: only `application/json` (a cross-site form cannot send it), within MAX_BODY. */
async function readJson(request: Request): Promise<unknown> {
  if (!/^application\/json\b/i.test(request.headers.get('content-type') ?? '')) throw new AlertsError(400, 'Send the body as JSON (Content-Type: application/json)');
  const text = await request.text();
  if (text.length > MAX_BODY) throw new AlertsError(400, `The body is larger than ${MAX_BODY} characters`);
  try {
    return text ? JSON.parse(text) : {};
  } catch {
    throw new AlertsError(400, 'The body is not valid JSON');
  }
}

/**
 * One alerts route: the viewer (the trusted identity), the request's JSON body for writes, the
 * context, and every failure mapped to a status with a safe message and the request id. A write
 * from another site (Sec-Fetch-Site: cross-site) is refused.
 */
export function alertsRoute(handler: (call: Call) => Promise<Response | unknown>, opts: { body?: boolean; status?: number } = {}) {
  return async (request: Request, route?: { params: Promise<Record<string, string>> }): Promise<Response> => {
    const requestId = newRequestId();
    const url = new URL(request.url);
    try {
      const config = getConfig();
      const viewer = viewerOf(request.headers, config);
      if (request.method !== 'GET' && request.headers.get('sec-fetch-site') === 'cross-site') throw new AlertsError(403, 'Changes must come from the dashboard itself');
      const body = opts.body ? await readJson(request) : undefined;
      const params = route ? await route.params : {};
      const ctx = await alertsContext(config);
      const out = await handler({ ctx, viewer, config, requestId, body, url, params });
      if (out instanceof Response) return out;
      if (out === undefined) return new Response(null, { status: 204, headers: { 'x-request-id': requestId, 'cache-control': 'no-store' } });
      return json({ ...(out as object), requestId }, opts.status ?? 200, requestId);
    } catch (err) {
      return alertsError(err, requestId, url.pathname);
    }
  };
}

export function alertsError(err: unknown, requestId: string, path: string): Response {
  if (err instanceof AlertsError) {
    if (err.status >= 500) logger.warn('alerts.refused', { requestId, path, status: err.status, message: err.message });
    return json({ error: err.message, ...(err.problems.length ? { problems: err.problems } : {}), requestId }, err.status, requestId);
  }
  if (err instanceof NotAlertable) return json({ error: 'The rule cannot run unattended', problems: [{ path: 'window', message: err.message }], requestId }, 400, requestId);
  if (err instanceof StoreUnavailable) return json({ error: err.message, requestId }, 503, requestId);
  if (err instanceof DatabricksApiError) {
    logger.warn('alerts.databricks_failed', { requestId, path, status: err.status, code: err.errorCode, message: err.message });
    return json({ error: `The Databricks alerts API refused the change: ${err.message}`, requestId }, 502, requestId);
  }
  return errorResponse(err, requestId, { route: path });
}
