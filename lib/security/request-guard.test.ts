import { describe, expect, it } from 'vitest';
import { checkRequest, refuse } from '../../scripts/request-guard.mjs';
import { nonPageCsp, securityHeaders } from '../../next.config.mjs';

describe('checkRequest', () => {
  it.each(['TRACE', 'TRACK', 'CONNECT', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'PROPFIND', 'get'])('refuses %s on pages and API routes with 405', (method) => {
    for (const url of ['/', '/ops', '/inspector/abc', '/api/health', '/api/queries/ops-kpis?range=1h']) {
      expect(checkRequest(method, url)).toMatchObject({ status: 405 });
    }
  });

  it('passes the methods of the routes that change something, and only theirs (with their Allow list)', () => {
    expect(checkRequest('POST', '/api/alerts')).toBeNull();
    expect(checkRequest('PATCH', '/api/alerts/p95-chat-1a2b3c')).toBeNull();
    expect(checkRequest('DELETE', '/api/views/team-view-aa11bb')).toBeNull();
    expect(checkRequest('POST', '/api/alerts/p95-chat-1a2b3c/test')).toBeNull();
    expect(checkRequest('POST', '/api/demo/incidents')).toBeNull();
    expect(checkRequest('PUT', '/api/alerts')).toMatchObject({ status: 405, allow: ['GET', 'HEAD', 'POST'] });
    expect(checkRequest('GET', '/api/alerts/x1/test')).toMatchObject({ status: 405, allow: ['POST'], reason: 'method GET is not supported: use POST' });
    expect(checkRequest('DELETE', '/api/alerts/export')).toMatchObject({ status: 405, allow: ['GET', 'HEAD'] });
    expect(checkRequest('POST', '/api/alerts-not/x')).toMatchObject({ status: 405 });
    expect(checkRequest('POST', '/alerts')).toMatchObject({ status: 405 });
  });

  it('passes GET and HEAD', () => {
    expect(checkRequest('GET', '/inspector/req-1?endpoint=chat')).toBeNull();
    expect(checkRequest('HEAD', '/')).toBeNull();
    expect(checkRequest('GET', '/inspector/a%20b%2Fc')).toBeNull();
  });

  it.each(['/api/queries/%ZZ', '/inspector/%ZZ', '/%E0%A4%A', '/api/inspector/requests/%/payload', '/ops/%C0%AF'])('refuses a malformed %%-escape in %s with 400', (url) => {
    expect(checkRequest('GET', url)).toMatchObject({ status: 400, reason: 'malformed percent-encoding in the path' });
  });

  it('leaves the query string to the route (its parameters are validated there)', () => {
    expect(checkRequest('GET', '/api/queries/ops-kpis?range=%ZZ')).toBeNull();
  });
});

describe('refuse', () => {
  function fakeResponse() {
    const headers: Record<string, string> = {};
    const res = { statusCode: 0, body: undefined as string | undefined, setHeader: (k: string, v: string) => { headers[k.toLowerCase()] = v; }, end: (b?: string) => { res.body = b; } };
    return { res, headers };
  }

  it('answers JSON with a request id under /api, plain text elsewhere, with every security header, and logs one line', () => {
    const lines: string[] = [];
    const api = fakeResponse();
    refuse(api.res as never, { status: 400, reason: 'malformed percent-encoding in the path', path: '/api/queries/%ZZ' }, { method: 'GET', securityHeaders, log: (l, level) => lines.push(`${level} ${l}`) });
    expect(api.res.statusCode).toBe(400);
    const body = JSON.parse(api.res.body!);
    expect(body).toMatchObject({ error: 'malformed percent-encoding in the path' });
    expect(api.headers['x-request-id']).toBe(body.requestId);
    expect(api.headers['content-security-policy']).toBe(nonPageCsp);
    for (const { key, value } of securityHeaders) expect(api.headers[key.toLowerCase()]).toBe(value);
    expect(lines[0]!.startsWith('warn ')).toBe(true);
    expect(JSON.parse(lines[0]!.slice(5))).toMatchObject({ level: 'warn', event: 'request.refused', status: 400, path: '/api/queries/%ZZ', requestId: body.requestId });

    const page = fakeResponse();
    refuse(page.res as never, { status: 405, reason: 'method TRACE is not supported: use GET', path: '/ops' }, { method: 'TRACE', securityHeaders, log: (l, level) => lines.push(`${level} ${l}`) });
    expect(page.res.statusCode).toBe(405);
    expect(page.headers.allow).toBe('GET, HEAD');
    expect(page.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(page.res.body).toMatch(/^Method Not Allowed: method TRACE/);
    expect(lines[1]!.startsWith('info ')).toBe(true);
  });
});
