import { expect, test, type APIResponse } from '@playwright/test';
import { nonPageCsp, securityHeaders } from '../next.config.mjs';

const PAGES = ['/', '/ops', '/finance', '/compare', '/inspector?range=7d', '/api-reference', '/no-such-page'];

function expectPageCsp(res: APIResponse, where: string) {
  const csp = res.headers()['content-security-policy'] ?? '';
  const scriptSrc = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src')) ?? '';
  expect(scriptSrc, `script-src on ${where}`).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
  expect(scriptSrc, where).not.toContain("'unsafe-inline'");
  expect(scriptSrc, where).not.toContain("'unsafe-eval'");
  expect(csp, where).toContain("frame-ancestors 'none'");
  expect(csp, where).toContain("object-src 'none'");
}

function expectSecurityHeaders(res: APIResponse, where: string) {
  for (const { key, value } of securityHeaders) expect(res.headers()[key.toLowerCase()], `${key} on ${where}`).toBe(value);
  expect(res.headers()['x-powered-by'], where).toBeUndefined();
}

test.describe('security headers', () => {
  test('pages carry a nonce-based CSP without inline script, and the page still works under it', async ({ page }) => {
    const violations: string[] = [];
    page.on('console', (msg) => { if (/Content Security Policy|Refused to/i.test(msg.text())) violations.push(msg.text()); });
    const res = await page.goto('/');
    const csp = res!.headers()['content-security-policy'] ?? '';
    await expect(page.getByTestId('total-requests')).toBeVisible();
    // Client-side navigation (prefetched routes) under the same policy.
    for (const name of ['Ops', 'Finance', 'Compare', 'Inspector']) {
      await page.getByRole('link', { name, exact: true }).first().click();
      await expect(page).toHaveURL(new RegExp(`/${name.toLowerCase()}`));
    }
    await page.goto('/api-reference');
    await expect(page.locator('h1').first()).toBeVisible();
    expect(violations).toEqual([]);
    // A new nonce for every view.
    const again = await page.request.get('/');
    expect(again.headers()['content-security-policy']).not.toBe(csp);
  });

  test('every HTML response has the page CSP: every page, /api-reference, a 404 and prefetches', async ({ request }) => {
    for (const path of PAGES) {
      const res = await request.get(path);
      expect(res.headers()['content-type'], path).toMatch(/^text\/html/);
      expectPageCsp(res, path);
      expectSecurityHeaders(res, path);
    }
    const prefetches: Record<string, string>[] = [{ 'next-router-prefetch': '1', rsc: '1' }, { purpose: 'prefetch' }];
    for (const headers of prefetches) {
      const res = await request.get('/ops', { headers });
      expectPageCsp(res, `prefetch ${JSON.stringify(headers)}`);
      expectSecurityHeaders(res, 'prefetch');
    }
  });

  test('every API response kind carries nosniff and a CSP that lets nothing load or run', async ({ request }) => {
    const cases: [string, string, number][] = [
      ['GET', '/api/health', 200],
      ['GET', '/api/queries', 200],
      ['GET', '/api/queries/requests-over-time?range=1h', 200],
      ['GET', '/api/queries/requests-over-time?range=1h&format=csv', 200],
      ['GET', '/api/queries/requests-over-time?range=banana', 400],
      ['GET', '/api/queries/inspector-requests?range=7d&q=4111%201111', 403],
      ['GET', '/api/queries/nope', 404],
      ['GET', '/api/nope', 404],
      ['GET', '/api/inspector/requests/nope-0000?range=1h', 404],
      ['GET', '/api/queries/%ZZ', 400],
      ['TRACE', '/api/health', 405],
      ['POST', '/api/queries/ops-kpis', 405],
    ];
    for (const [method, path, status] of cases) {
      const res = await request.fetch(path, { method });
      expect(res.status(), `${method} ${path}`).toBe(status);
      expectSecurityHeaders(res, `${method} ${path}`);
      expect(res.headers()['content-security-policy'], `${method} ${path}`).toBe(nonPageCsp);
    }
  });
});

test.describe('bad requests get a 4xx with a reason', () => {
  test('TRACE and other methods are refused with 405 and Allow on any route; pages do not answer POST, PUT or DELETE', async ({ request }) => {
    for (const method of ['TRACE', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      for (const path of ['/', '/ops', '/inspector/abc', '/api/health', '/api/queries/ops-kpis?range=1h']) {
        const res = await request.fetch(path, { method });
        expect(res.status(), `${method} ${path}`).toBe(405);
        expect(res.headers().allow).toBe('GET, HEAD');
        if (path.startsWith('/api/')) expect((await res.json()).error).toMatch(new RegExp(`method ${method} is not supported`));
      }
    }
  });

  test('a malformed %-escape in any path segment is a 400 with a request id, not a bare 500', async ({ request }) => {
    for (const path of ['/api/queries/%ZZ', '/api/inspector/requests/%E0%A4%A/payload', '/inspector/%ZZ', '/%ZZ']) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(400);
      expect(res.headers()['x-request-id'], path).toMatch(/^[0-9a-f-]{36}$/);
      expect(await res.text(), path).toMatch(/malformed percent-encoding/);
    }
  });
});

test.describe('client bundles', () => {
  test('hold no server secret names and no value of any DATABRICKS_* variable', async () => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    const root = path.join(process.cwd(), '.next', 'static');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.(js|css|html|json)$/.test(e.name)) files.push(p);
      }
    };
    walk(root);
    expect(files.length).toBeGreaterThan(0);
    const secrets = Object.entries(process.env).filter(([k, v]) => k.startsWith('DATABRICKS_') && v && v.length >= 8).map(([, v]) => v!);
    for (const f of files) {
      const text = fs.readFileSync(f, 'utf8');
      expect(text, f).not.toMatch(/DATABRICKS_(TOKEN|CLIENT_SECRET)|x-forwarded-access-token/i);
      for (const s of secrets) expect(text.includes(s), f).toBe(false);
    }
  });
});
