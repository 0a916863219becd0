import 'server-only';
import { randomUUID } from 'node:crypto';
import { ConfigError } from '@/lib/config';
import { logger } from '@/lib/logger';
import { InvalidParams, RowShapeError } from '@/lib/catalogue/run';
import { WarehouseError } from '@/lib/warehouse/types';
import { maskText } from '@/lib/security/pii';

export function newRequestId(): string {
  return randomUUID();
}

export function json(body: unknown, status: number, requestId: string, extraHeaders: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { 'x-request-id': requestId, 'cache-control': 'no-store', ...extraHeaders } });
}

const STATUS_BY_KIND: Record<WarehouseError['kind'], number> = {
  timeout: 504,
  cancelled: 499,
  permission: 403,
  unavailable: 503,
  syntax: 500,
  not_found: 500,
  engine: 500,
};

/**
 * Maps any failure to a status and a message safe for the browser. Details (SQL, driver
 * messages, stacks) go to the server log under the same request id.
 */
export function errorResponse(err: unknown, requestId: string, context: Record<string, unknown> = {}): Response {
  if (err instanceof InvalidParams) {
    return json({ error: 'Invalid parameters', problems: err.problems, requestId }, 400, requestId);
  }
  if (err instanceof WarehouseError) {
    const status = STATUS_BY_KIND[err.kind];
    // A viewer leaving the page is routine, not a failure worth a warning.
    if (err.kind === 'cancelled') logger.info('query.cancelled', { requestId, ...context });
    else logger[status >= 500 && err.kind !== 'unavailable' ? 'error' : 'warn']('query.failed', { requestId, kind: err.kind, message: err.message, detail: err.detail, ...context });
    // The engine's message can quote a value from the data: it leaves through the masker too.
    return json({ error: maskText(err.message), kind: err.kind, requestId }, status, requestId, err.kind === 'unavailable' ? { 'retry-after': '10' } : {});
  }
  if (err instanceof ConfigError) {
    logger.error('config.invalid', { requestId, problems: err.problems });
    return json({ error: 'The server is misconfigured; see its log', requestId }, 500, requestId);
  }
  if (err instanceof RowShapeError) {
    logger.error('query.row_shape', { requestId, queryId: err.queryId, issues: err.issues.slice(0, 5), ...context });
    return json({ error: 'The query returned data in an unexpected shape', requestId }, 500, requestId);
  }
  logger.error('request.failed', { requestId, err, ...context });
  return json({ error: 'Internal error', requestId }, 500, requestId);
}
