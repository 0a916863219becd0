import { randomUUID } from 'node:crypto';

/** Every route answers GET (and HEAD); only the routes below take a body. */
export const ALLOWED_METHODS = ['GET', 'HEAD'];

/**
 * The routes that change something (alert rules, budgets, saved views, demo incidents), each
 * with the methods it answers, first match wins. Every other path is read-only.
 */
export const WRITE_ROUTES = [
  [/^\/api\/alerts\/(catalogue|destinations|export)$/, ['GET', 'HEAD']],
  [/^\/api\/alerts\/(preview|import)$/, ['POST']],
  [/^\/api\/alerts\/[^/]+\/(test|replay)$/, ['POST']],
  [/^\/api\/(alerts|budgets|views)$/, ['GET', 'HEAD', 'POST']],
  [/^\/api\/(alerts|views)\/[^/]+$/, ['GET', 'HEAD', 'PATCH', 'DELETE']],
  [/^\/api\/budgets\/[^/]+$/, ['PATCH', 'DELETE']],
  [/^\/api\/demo\/incidents$/, ['GET', 'HEAD', 'POST']],
];

/** The methods a path answers. */
export function allowedMethods(path) {
  for (const [pattern, methods] of WRITE_ROUTES) if (pattern.test(path)) return methods;
  return ALLOWED_METHODS;
}

import { nonPageCsp } from '../next.config.mjs';

/**
 * Requests Next.js would answer with a bare 500 (TRACE fails inside it, a malformed %-escape in
 * the path fails its router without a log line), or with a page (POST to a page renders it):
 * refused here with a 4xx and a reason. Returns null for a request to pass on.
 * @param {string} method
 * @param {string} rawUrl the request target as received, e.g. `/inspector/%ZZ?x=1`
 * @returns {{ status: 400 | 405; reason: string; path: string; allow?: string[] } | null}
 */
export function checkRequest(method, rawUrl) {
  const path = (rawUrl.split('?')[0] ?? '').slice(0, 512);
  const allow = allowedMethods(path);
  if (!allow.includes(method)) return { status: 405, reason: `method ${method.slice(0, 16)} is not supported: use ${allow.filter((m) => m !== 'HEAD').join(' or ')}`, path, allow };
  for (const segment of path.split('/')) {
    try {
      decodeURIComponent(segment);
    } catch {
      return { status: 400, reason: 'malformed percent-encoding in the path', path };
    }
  }
  return null;
}

/**
 * Answers a refused request: JSON with a request id under /api, plain text elsewhere, with the
 * headers every response carries, and one log line in the server's JSON format (a malformed path
 * at warn; another method, which scanners send all day, at info).
 * @param {import('node:http').ServerResponse} res
 * @param {{ status: 400 | 405; reason: string; path: string; allow?: string[] }} refused
 * @param {{ method: string; securityHeaders: { key: string; value: string }[]; log: (line: string, level: 'info' | 'warn') => void }} ctx
 */
export function refuse(res, refused, ctx) {
  const requestId = randomUUID();
  const api = refused.path === '/api' || refused.path.startsWith('/api/');
  const body = api ? JSON.stringify({ error: refused.reason, requestId }) : `${refused.status === 405 ? 'Method Not Allowed' : 'Bad Request'}: ${refused.reason}\n`;
  for (const { key, value } of ctx.securityHeaders) res.setHeader(key, value);
  res.setHeader('Content-Security-Policy', nonPageCsp);
  res.setHeader('Content-Type', api ? 'application/json' : 'text/plain; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('x-request-id', requestId);
  if (refused.status === 405) res.setHeader('Allow', (refused.allow ?? ALLOWED_METHODS).join(', '));
  res.statusCode = refused.status;
  res.end(ctx.method === 'HEAD' ? undefined : body);
  const level = refused.status === 405 ? 'info' : 'warn';
  ctx.log(JSON.stringify({ time: new Date().toISOString(), level, event: 'request.refused', requestId, status: refused.status, method: ctx.method.slice(0, 16), path: refused.path, reason: refused.reason }), level);
}
